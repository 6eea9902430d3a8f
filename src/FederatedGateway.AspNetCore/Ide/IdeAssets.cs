using System.Reflection;
using System.Security.Cryptography;

namespace FederatedGateway.AspNetCore.Ide;

/// <summary>
/// The IDE's built files (IdeApp/dist, bundled by esbuild at build time), embedded in this assembly as resources
/// named <c>FederatedGateway.Ide/&lt;file&gt;</c>; <c>&lt;file&gt;.br</c> is the brotli copy of a file.
/// </summary>
internal sealed class IdeAssets
{
    public const string ResourcePrefix = "FederatedGateway.Ide/";
    public const string PageName = "index.html";

    private readonly Dictionary<string, IdeAsset> _assets;

    private IdeAssets(Dictionary<string, IdeAsset> assets) => _assets = assets;

    /// <summary>This assembly's files, loaded once on first use (the IDE and the dashboard share them).</summary>
    public static Lazy<IdeAssets> Shared { get; } = new(() => Load(typeof(IdeAssets).Assembly));

    /// <summary>Whether the build embedded the IDE (it is skipped with <c>-p:FederatedGatewaySkipIde=true</c>).</summary>
    public static bool AreEmbedded(Assembly assembly) =>
        assembly.GetManifestResourceInfo(ResourcePrefix + PageName) is not null;

    public static IdeAssets Load(Assembly assembly)
    {
        var assets = new Dictionary<string, IdeAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || resource.EndsWith(".br", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[ResourcePrefix.Length..];
            var content = Read(assembly, resource)!;
            var brotli = Read(assembly, resource + ".br");
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 12)) + "\"";
            assets[name] = new IdeAsset(name, ContentTypeOf(name), content, brotli, etag);
        }

        return new IdeAssets(assets);
    }

    public IdeAsset? Find(string name) => _assets.GetValueOrDefault(name);

    private static byte[]? Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource);
        if (stream is null)
        {
            return null;
        }

        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".html" => "text/html; charset=utf-8",
        ".ttf" => "font/ttf",
        ".woff" => "font/woff",
        ".woff2" => "font/woff2",
        ".svg" => "image/svg+xml",
        ".json" => "application/json",
        _ => "application/octet-stream",
    };
}
