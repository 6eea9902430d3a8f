using FederatedGateway.Execution.Pipeline;

namespace FederatedGateway.Execution.Traffic;

/// <summary>
/// Where a per-client limit finds who the client is: a claim of its identity (<c>claim:sub</c>; API keys carry their
/// name in <c>sub</c> too), the application name it gives (<c>client-name</c>), or its network address (<c>ip</c>).
/// A limit tries its sources in order and uses the first one the request has.
/// </summary>
public sealed class ClientKey
{
    private readonly Func<RequestContext, string?> _read;

    private ClientKey(string source, Func<RequestContext, string?> read)
    {
        Source = source;
        _read = read;
    }

    public string Source { get; }

    /// <summary>Parses <c>claim:&lt;type&gt;</c>, <c>client-name</c> or <c>ip</c>; null when it is none of them.</summary>
    public static ClientKey? Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.StartsWith("claim:", StringComparison.OrdinalIgnoreCase) && source.Length > "claim:".Length)
        {
            var claim = source["claim:".Length..];
            return new ClientKey(source, context => context.User?.FindFirst(claim)?.Value is { } value ? "c:" + claim + ":" + value : null);
        }

        return source.ToLowerInvariant() switch
        {
            "client-name" => new ClientKey(source, context => context.Request.ClientName is { Length: > 0 } name ? "n:" + name : null),
            "ip" => new ClientKey(source, context => context.Request.RemoteAddress is { } address ? "ip:" + address : null),
            _ => null,
        };
    }

    public string? Read(RequestContext context) => _read(context);
}
