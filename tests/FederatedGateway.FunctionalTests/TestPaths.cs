namespace FederatedGateway.FunctionalTests;

internal static class TestPaths
{
    /// <summary>The repository root, found from this source file's location.</summary>
    public static string Root([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

    public static string Schemas(string file) => Path.Combine(Root(), "schemas", file);
}
