using System.Diagnostics;
using System.Reflection;

namespace FederatedGateway.Grpc.Tests.Infrastructure;

/// <summary>Runs the protoc shipped in the Grpc.Tools package to build descriptor sets at test time.</summary>
public static class Protoc
{
    private static string ToolsPath => typeof(Protoc).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "GrpcToolsPath").Value!;

    /// <summary>Writes <c>protoc --descriptor_set_out=… --include_imports</c> of <paramref name="protoFile"/> (under <paramref name="protoRoot"/>, by default the test Protos folder).</summary>
    public static string BuildDescriptorSet(string protoFile, string? protoRoot = null)
    {
        var protos = protoRoot ?? Path.Combine(AppContext.BaseDirectory, "Protos");
        var output = Path.Combine(Path.GetTempPath(), $"fgw-{Guid.NewGuid():N}.pb");
        var protoc = Path.Combine(ToolsPath, "tools", "linux_x64", "protoc");
        var start = new ProcessStartInfo(protoc)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in new[]
                 {
                     "-I" + protos, "-I" + Path.Combine(ToolsPath, "build", "native", "include"),
                     "--include_imports", "--descriptor_set_out=" + output, Path.Combine(protos, protoFile),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "protoc failed: " + error);
        return output;
    }
}
