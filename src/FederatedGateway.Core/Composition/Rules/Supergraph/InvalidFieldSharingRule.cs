using FederatedGateway.Core.Composition.Merging;
using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Rules.Supergraph;

/// <summary>A field resolved by several subgraphs is @shareable in all of them (key fields and Federation 1 fields are implicitly).</summary>
internal sealed class InvalidFieldSharingRule : ISupergraphRule
{
    public const string Code = ErrorCodes.InvalidFieldSharing;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SupergraphRuleContext context)
    {
        var provided = new Dictionary<SubgraphSchema, HashSet<SubgraphField>>();
        var keyFields = new Dictionary<SubgraphSchema, HashSet<SubgraphField>>();
        foreach (var type in context.Schema.Types.Values)
        {
            if (type.Kind != TypeKind.Object)
            {
                continue;
            }

            foreach (var field in type.Fields)
            {
                var resolving = field.Sources.Where(s => IsResolvedBy(field, s.Graph, s.Field, provided)).ToList();
                if (resolving.Count < 2)
                {
                    continue;
                }

                var unshareable = resolving.Where(s => !s.Field.IsExternal && !IsShareable(type, s.Graph, s.Field, keyFields)).ToList();
                if (unshareable.Count == 0)
                {
                    continue;
                }

                var coordinate = $"{type.Name}.{field.Name}";
                var all = SupergraphRuleContext.Names(resolving.Select(s => s.Graph));
                var message = unshareable.Count == resolving.Count
                    ? $"Non-shareable field \"{coordinate}\" is resolved from multiple subgraphs: it is resolved from {all} and defined as non-shareable in all of them."
                    : $"Non-shareable field \"{coordinate}\" is resolved from multiple subgraphs: it is resolved from {all} and defined as non-shareable in {SupergraphRuleContext.Names(unshareable.Select(s => s.Graph))}.";
                context.Error(Code, message, unshareable[0].Graph, coordinate, unshareable[0].Field.Location,
                    $"Mark \"{coordinate}\" @shareable in every subgraph that resolves it, or move it to one subgraph (@override helps migrate it).");
            }
        }
    }

    private static bool IsResolvedBy(MergedField field, SubgraphSchema graph, SubgraphField source, Dictionary<SubgraphSchema, HashSet<SubgraphField>> provided)
    {
        var join = field.Joins.Find(j => ReferenceEquals(j.Graph, graph));
        if (join is null || join.UsedOverridden || field.Sources.Exists(s => s.Field.OverrideFrom == graph.Name))
        {
            return false;
        }

        return !source.IsExternal || Collect(graph, provided, ProvidedFields).Contains(source);
    }

    private static bool IsShareable(MergedType type, SubgraphSchema graph, SubgraphField field, Dictionary<SubgraphSchema, HashSet<SubgraphField>> keyFields) =>
        !graph.IsFederation2 || field.IsShareable || graph.Type(type.Name)!.IsShareable || Collect(graph, keyFields, KeyFields).Contains(field);

    private static HashSet<SubgraphField> Collect(SubgraphSchema graph, Dictionary<SubgraphSchema, HashSet<SubgraphField>> cache, Func<SubgraphSchema, HashSet<SubgraphField>> compute)
    {
        if (!cache.TryGetValue(graph, out var fields))
        {
            fields = compute(graph);
            cache[graph] = fields;
        }

        return fields;
    }

    /// <summary>Fields some @key of the subgraph selects (nested ones included): they are shareable implicitly.</summary>
    private static HashSet<SubgraphField> KeyFields(SubgraphSchema graph)
    {
        var fields = new HashSet<SubgraphField>();
        foreach (var type in graph.Types.Values)
        {
            foreach (var key in type.Keys)
            {
                FieldSetWalker.Walk(graph, type.Name, key.Selection, (_, f) =>
                {
                    if (f is not null)
                    {
                        fields.Add(f);
                    }
                });
            }
        }

        return fields;
    }

    /// <summary>Fields some @provides of the subgraph selects: an @external field provided there is resolved there too.</summary>
    private static HashSet<SubgraphField> ProvidedFields(SubgraphSchema graph)
    {
        var provided = new HashSet<SubgraphField>();
        foreach (var type in graph.Types.Values)
        {
            foreach (var field in type.Fields)
            {
                FieldSetWalker.Walk(graph, field.Type.NamedType, field.ProvidesSelection, (_, f) =>
                {
                    if (f is not null)
                    {
                        provided.Add(f);
                    }
                });
            }
        }

        return provided;
    }
}
