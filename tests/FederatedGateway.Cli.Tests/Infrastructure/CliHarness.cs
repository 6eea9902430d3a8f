namespace FederatedGateway.Cli.Tests.Infrastructure;

/// <summary>Runs <c>fgw</c> in-process with captured output, in a temporary folder that is removed afterwards.</summary>
public abstract class CliHarness : IDisposable
{
    protected string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("fgw-cli-").FullName;

    /// <summary>The repository root (this test project sits in tests/FederatedGateway.Cli.Tests).</summary>
    protected static string Repo() => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "..", ".."));

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;

    public void Dispose()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await new CliApp(stdout, stderr).RunAsync(args);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in the temporary folder and returns its path.</summary>
    protected string Write(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
