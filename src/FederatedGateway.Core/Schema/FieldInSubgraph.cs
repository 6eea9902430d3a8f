using FederatedGateway.Core.Operations;

namespace FederatedGateway.Core.Schema;

/// <summary>What one subgraph says of a field (<c>@join__field</c>).</summary>
public sealed class FieldInSubgraph
{
    public FieldInSubgraph(string graph)
    {
        Graph = graph;
    }

    public string Graph { get; }

    /// <summary>The field is declared but resolved elsewhere (<c>@external</c>) or was overridden but is still used.</summary>
    public bool External { get; init; }

    public bool UsedOverridden { get; init; }

    public string? Requires { get; init; }

    public SelectionSet? RequiresSelection { get; set; }

    public string? Provides { get; init; }

    public SelectionSet? ProvidesSelection { get; set; }

    /// <summary>The field's type as this subgraph declares it, when it differs from the supergraph's.</summary>
    public string? Type { get; init; }

    public string? Override { get; init; }

    public string? OverrideLabel { get; init; }

    /// <summary>True when the subgraph can resolve the field itself.</summary>
    public bool IsResolvable => !External && !UsedOverridden;
}
