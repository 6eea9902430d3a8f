namespace FederatedGateway.FunctionalTests;

internal static class TestPaths
{
    /// <summary>The repository root, found from this source file's location (whichever file asks).</summary>
    public static string Root() => RootOf();

    public static string Schemas(string file) => Path.Combine(Root(), "schemas", file);

    private static string RootOf([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
