namespace FederatedGateway.Demo.Hosting;

/// <summary>Counts the subscriptions a subgraph is serving right now (tests watch it fall back to zero).</summary>
internal sealed class SubscriptionTracker
{
    private int _active;

    public int Active => Volatile.Read(ref _active);

    public void Started() => Interlocked.Increment(ref _active);

    public void Ended() => Interlocked.Decrement(ref _active);
}
