namespace FederatedGateway.AspNetCore.Traffic;

/// <summary>Load shedding, configuration <c>Gateway:LoadShedding</c>.</summary>
public sealed class LoadSheddingSettings
{
    /// <summary>Operations executing at once (subscriptions not counted); 0 turns shedding off. Default 1024.</summary>
    public int MaxConcurrentRequests { get; set; } = 1024;

    /// <summary>Requests that may wait for a slot beyond the limit. Default 256.</summary>
    public int QueueLimit { get; set; } = 256;

    /// <summary>The longest a request waits for a slot before it is shed. Default 1 s.</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(1);

    internal IEnumerable<string> Problems()
    {
        if (MaxConcurrentRequests < 0 || QueueLimit < 0 || QueueTimeout < TimeSpan.Zero)
        {
            yield return "Gateway:LoadShedding needs MaxConcurrentRequests (0 = off), QueueLimit and QueueTimeout of zero or more.";
        }
    }
}
