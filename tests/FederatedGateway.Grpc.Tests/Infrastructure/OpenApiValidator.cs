using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace FederatedGateway.Grpc.Tests.Infrastructure;

/// <summary>
/// Validates an OpenAPI document with @apidevtools/swagger-parser (Node, OpenApiValidator/), installed by
/// tools/run-tests.sh or here on first use from its lock file.
/// </summary>
public static class OpenApiValidator
{
    private static readonly SemaphoreSlim s_install = new(1, 1);

    /// <summary>The validator's verdict: "valid {path count}" or "invalid {reason}".</summary>
    public static async Task<string> ValidateAsync(string document)
    {
        var folder = Path.Combine(SourceFolder(), "..", "OpenApiValidator");
        await s_install.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(folder, "node_modules", "@apidevtools")))
            {
                await RunAsync("npm", folder, "ci", "--no-audit", "--no-fund", "--loglevel=error");
            }
        }
        finally
        {
            s_install.Release();
        }

        var file = Path.Combine(Path.GetTempPath(), $"fgw-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document);
        try
        {
            return (await RunAsync("node", folder, "validate.mjs", file)).Trim();
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> RunAsync(string program, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return await output + await errors;
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
