using FederatedGateway.Core.Schema;

namespace FederatedGateway.DifferentialTests.Monolith;

/// <summary>What the supergraph says each subgraph can resolve, as the monolith's data source needs it.</summary>
public static class FederationFacts
{
    /// <summary>True when subgraph <paramref name="graph"/> resolves <paramref name="field"/> of <paramref name="type"/> itself.</summary>
    public static bool Resolves(SchemaType type, SchemaField field, string graph)
    {
        if (!type.Graphs.ContainsKey(graph))
        {
            return false;
        }

        if (field.Graphs.Count == 0)
        {
            return field.AppearsInAllTypeGraphs;
        }

        return field.Graphs.TryGetValue(graph, out var inGraph) && inGraph.IsResolvable;
    }

    /// <summary>True when some subgraph can fetch the type by a key (its other fields are then fetched on demand).</summary>
    public static bool IsEntity(SchemaType type) => type.Graphs.Values.Any(g => g.HasResolvableKey);

    /// <summary>True when the subgraph knows <paramref name="member"/> as a member/implementation of <paramref name="abstractType"/>.</summary>
    public static bool KnowsMember(SchemaType abstractType, SchemaType member, string graph)
    {
        if (!member.Graphs.TryGetValue(graph, out var memberInGraph) || !abstractType.Graphs.TryGetValue(graph, out var abstractInGraph))
        {
            return false;
        }

        return abstractType.Kind == TypeKind.Union
            ? abstractInGraph.UnionMembers.Contains(member.Name)
            : memberInGraph.Implements.Contains(abstractType.Name);
    }

    /// <summary>The requirement (<c>@requires</c>) of a field in a subgraph, if any.</summary>
    public static Core.Operations.SelectionSet? Requires(SchemaField field, string graph) =>
        field.Graphs.TryGetValue(graph, out var inGraph) ? inGraph.RequiresSelection : null;
}
