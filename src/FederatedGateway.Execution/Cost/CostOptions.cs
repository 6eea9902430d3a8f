namespace FederatedGateway.Execution.Cost;

/// <summary>How demand control treats operations (set by the host from <c>Gateway:Cost</c>).</summary>
public sealed record CostOptions
{
    /// <summary>The most an operation's estimate may be; 0: no limit (cost is still measured).</summary>
    public double Max { get; init; }

    /// <summary>Refuse operations over <see cref="Max"/> (else only measure).</summary>
    public bool Enforce { get; init; } = true;

    /// <summary>The size assumed for lists without <c>@listSize</c> or slicing arguments.</summary>
    public int DefaultListSize { get; init; } = 10;

    /// <summary>Whether a client that sends <c>extensions: {"cost": true}</c> gets the estimated and actual cost in <c>extensions.cost</c>.</summary>
    public bool ExposeToClients { get; init; } = true;
}
