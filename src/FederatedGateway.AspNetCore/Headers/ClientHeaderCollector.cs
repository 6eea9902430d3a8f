using Microsoft.AspNetCore.Http;

namespace FederatedGateway.AspNetCore.Headers;

/// <summary>Copies the client headers some propagation rule (or <c>Gateway:ForwardedHeaders</c>) names off a request, and no others.</summary>
internal sealed class ClientHeaderCollector
{
    private readonly string[] _names;

    public ClientHeaderCollector(IEnumerable<string> names) => _names = names.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    public List<KeyValuePair<string, string>>? Collect(HttpRequest request)
    {
        List<KeyValuePair<string, string>>? headers = null;
        foreach (var name in _names)
        {
            if (request.Headers.TryGetValue(name, out var values))
            {
                foreach (var value in values)
                {
                    if (value is not null)
                    {
                        (headers ??= []).Add(new(name, value));
                    }
                }
            }
        }

        return headers;
    }
}
