namespace FederatedGateway.Core.Composition;

/// <summary>The outcome of a composition: a supergraph SDL, or the errors that prevent one.</summary>
public sealed class CompositionResult
{
    internal CompositionResult(string? supergraphSdl, IReadOnlyList<CompositionError> errors, IReadOnlyList<CompositionError> hints)
    {
        SupergraphSdl = supergraphSdl;
        Errors = errors;
        Hints = hints;
    }

    /// <summary>The supergraph SDL (Apollo's format, <c>@link</c> v1.0 + join), null when composition failed.</summary>
    public string? SupergraphSdl { get; }

    /// <summary>Errors; empty when composition succeeded.</summary>
    public IReadOnlyList<CompositionError> Errors { get; }

    /// <summary>Non-fatal observations (e.g. an enum merged by intersection).</summary>
    public IReadOnlyList<CompositionError> Hints { get; }

    /// <summary>True when a supergraph was produced.</summary>
    public bool Succeeded => SupergraphSdl is not null && Errors.Count == 0;
}
