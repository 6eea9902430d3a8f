using System.Collections.Concurrent;

namespace FederatedGateway.Demo.Apis;

/// <summary>
/// The calls each demo REST or SOAP service received, in arrival order (tests check that entity lookups arrive
/// batched): <c>GET /settlements?orderId=o-1001&amp;orderId=o-1002</c> for REST, <c>GetRates USD/GBP,EUR/GBP</c> for SOAP.
/// </summary>
public sealed class DemoApiCalls
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _calls = new(StringComparer.Ordinal);

    /// <summary>The calls the named service (<see cref="DemoApiHost.Settlement"/>, <see cref="DemoApiHost.Fx"/>) received so far.</summary>
    public IReadOnlyList<string> Of(string service) => _calls.TryGetValue(service, out var calls) ? [.. calls] : [];

    internal void Record(string service, string call) => _calls.GetOrAdd(service, _ => new ConcurrentQueue<string>()).Enqueue(call);
}
