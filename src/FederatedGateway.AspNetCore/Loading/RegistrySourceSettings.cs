namespace FederatedGateway.AspNetCore.Loading;

/// <summary>
/// Following a schema registry variant instead of a file (configuration <c>Gateway:Registry</c>, or
/// <c>--registry URL --graph name@variant</c> on the command line; the token from <c>FGW_REGISTRY_TOKEN</c>).
/// </summary>
public sealed class RegistrySourceSettings
{
    public const string TokenVariable = "FGW_REGISTRY_TOKEN";

    /// <summary>The registry's base URL (its API under <c>/registry/v1</c>, unless the URL already names a <c>/registry/</c> path).</summary>
    public string? Url { get; set; }

    /// <summary>The variant followed, <c>name@variant</c>.</summary>
    public string? Graph { get; set; }

    /// <summary>A read token; by default the <c>FGW_REGISTRY_TOKEN</c> environment variable.</summary>
    public string? Token { get; set; }

    /// <summary>
    /// Where the last version served is kept, so a restart while the registry is down still serves. Default
    /// <c>data/registry-cache</c> under the working directory (one file per variant).
    /// </summary>
    public string CacheFolder { get; set; } = Path.Combine("data", "registry-cache");

    /// <summary>How long one long poll may wait for a new version. Default 30 s.</summary>
    public TimeSpan PollWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first wait after a failed poll; it doubles up to 30 s while the registry stays down. Default 1 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the first fetch at start may take before the disk copy is served instead. Default 10 s.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Url);

    internal string? ResolvedToken => string.IsNullOrWhiteSpace(Token) ? Environment.GetEnvironmentVariable(TokenVariable) : Token;

    internal IEnumerable<string> Problems()
    {
        if (!IsEnabled)
        {
            yield break;
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return $"Gateway:Registry:Url '{Url}' is not an absolute http(s) URL.";
        }

        if (string.IsNullOrWhiteSpace(Graph) || Graph.Count(c => c == '@') > 1)
        {
            yield return "Gateway:Registry:Graph (or --graph) is required with the registry: name@variant, e.g. trading@prod.";
        }

        if (string.IsNullOrWhiteSpace(ResolvedToken))
        {
            yield return $"A registry token is required: set {TokenVariable} (or Gateway:Registry:Token).";
        }

        if (PollWait < TimeSpan.FromSeconds(1) || PollWait > TimeSpan.FromSeconds(60) || RetryDelay <= TimeSpan.Zero || StartTimeout <= TimeSpan.Zero)
        {
            yield return "Gateway:Registry needs a PollWait of 1-60 s and a positive RetryDelay and StartTimeout.";
        }
    }

    internal string SupergraphUrl()
    {
        var at = Graph!.IndexOf('@');
        var (name, variant) = at < 0 ? (Graph, "current") : (Graph[..at], Graph[(at + 1)..]);
        var root = Url!.TrimEnd('/');
        var api = new Uri(root).AbsolutePath.Contains("/registry/", StringComparison.Ordinal) ? root : root + "/registry/v1";
        return $"{api}/graphs/{Uri.EscapeDataString(name)}/variants/{Uri.EscapeDataString(variant)}/supergraph";
    }

    internal string CacheFile() => Path.Combine(CacheFolder, Graph!.Replace('@', '_') + ".graphql");
}
