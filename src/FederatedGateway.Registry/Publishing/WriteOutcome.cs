using FederatedGateway.Core.Composition;
using FederatedGateway.Registry.Storage;

namespace FederatedGateway.Registry.Publishing;

public enum WriteStatus
{
    /// <summary>A new version is current.</summary>
    Created,

    /// <summary>The write changed nothing the supergraph depends on: no new version.</summary>
    Unchanged,

    /// <summary>The result would not compose: nothing changed (the errors say why).</summary>
    CompositionFailed,

    /// <summary>The variant, subgraph or version named does not exist.</summary>
    NotFound,

    /// <summary>Other writers kept changing the variant; nothing changed, try again.</summary>
    Conflict,
}

/// <summary>What a publish, delete or rollback did.</summary>
public sealed record WriteOutcome(WriteStatus Status, SupergraphVersion? Version, IReadOnlyList<CompositionError> Errors, string? Reason = null)
{
    public static WriteOutcome Failed(WriteStatus status, string reason) => new(status, null, [], reason);
}
