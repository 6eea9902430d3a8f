using Microsoft.AspNetCore.Http;

namespace FederatedGateway.AspNetCore.Subscriptions;

/// <summary>The client headers a streamed operation forwards to subgraphs (<see cref="GatewayOptions.ForwardedHeaders"/>).</summary>
internal static class ForwardHeaders
{
    public static List<KeyValuePair<string, string>>? Collect(HttpRequest request, List<string> names)
    {
        List<KeyValuePair<string, string>>? headers = null;
        foreach (var name in names)
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
