using FederatedGateway.Core.Operations;

namespace FederatedGateway.Core.Schema;

/// <summary>What one subgraph says of a field (<c>@join__field</c>).</summary>
public sealed class FieldInSubgraph
{
    private SelectionSet? _requiresSelection;
    private SelectionSet? _providesSelection;

    internal FieldInSubgraph(string graph)
    {
        Graph = graph;
    }

    public string Graph { get; }

    /// <summary>The field is declared but resolved elsewhere (<c>@external</c>) or was overridden but is still used.</summary>
    public bool External { get; internal init; }

    public bool UsedOverridden { get; internal init; }

    public string? Requires { get; internal init; }

    /// <summary><see cref="Requires"/> bound to the schema (null when there is none); see <see cref="EntityKey.Selection"/>.</summary>
    public SelectionSet? RequiresSelection => _requiresSelection;

    public string? Provides { get; internal init; }

    /// <summary><see cref="Provides"/> bound to the schema (null when there is none).</summary>
    public SelectionSet? ProvidesSelection => _providesSelection;

    /// <summary>The field's type as this subgraph declares it, when it differs from the supergraph's.</summary>
    public string? Type { get; internal init; }

    public string? Override { get; internal init; }

    public string? OverrideLabel { get; internal init; }

    /// <summary>True when the subgraph can resolve the field itself.</summary>
    public bool IsResolvable => !External && !UsedOverridden;

    internal void ResolveRequires(SelectionSet selection) => FieldSetSlot.SetOnce(ref _requiresSelection, selection, Requires ?? string.Empty);

    internal void ResolveProvides(SelectionSet selection) => FieldSetSlot.SetOnce(ref _providesSelection, selection, Provides ?? string.Empty);
}
