using FederatedGateway.Core.Composition.Subgraphs;

namespace FederatedGateway.Core.Composition.Merging;

internal sealed partial class SchemaMerger
{
    private HashSet<SubgraphField> UsedFields(SubgraphSchema graph)
    {
        if (!_usedFields.TryGetValue(graph, out var used))
        {
            used = FieldSetWalker.FieldsInUse(graph);
            _usedFields[graph] = used;
        }

        return used;
    }

    private void BuildJoins(MergedType type, MergedField merged)
    {
        var coordinate = $"{type.Name}.{merged.Name}";
        var printType = merged.Sources.Any(s => s.Field.Type.ToString() != merged.Type.ToString());
        var overridden = new Dictionary<SubgraphSchema, string?>();
        var validOverride = new HashSet<SubgraphField>();
        foreach (var (graph, field) in merged.Sources)
        {
            if (field.OverrideFrom is null)
            {
                continue;
            }

            // An @override on an @external field or from its own subgraph is an error (OverrideRules): no join for it.
            if (field.IsExternal || field.OverrideFrom == graph.Name)
            {
                continue;
            }

            var target = merged.Sources.FirstOrDefault(s => s.Graph.Name == field.OverrideFrom);
            if (target.Graph is null)
            {
                var exists = _merged.Subgraphs.Any(g => g.Name == field.OverrideFrom);
                if (!exists)
                {
                    Hint(HintCodes.FromSubgraphDoesNotExist, $"Source subgraph \"{field.OverrideFrom}\" for field \"{coordinate}\" on subgraph \"{graph.Name}\" does not exist.", coordinate);
                    continue;
                }

                Hint(HintCodes.OverrideDirectiveCanBeRemoved, $"Field \"{coordinate}\" on subgraph \"{graph.Name}\" is not resolved anymore by the from subgraph \"{field.OverrideFrom}\".", coordinate);
                validOverride.Add(field);
                continue;
            }

            validOverride.Add(field);
            if (target.Field.OverrideFrom is not null)
            {
                continue; // OverrideSourceHasOverrideRule reports it.
            }

            if (!target.Field.IsExternal)
            {
                overridden[target.Graph] = field.OverrideLabel;
            }

            if (field.OverrideLabel is not null)
            {
                _merged.UsesOverrideLabel = true;
            }
        }

        foreach (var (graph, field) in merged.Sources)
        {
            if (overridden.TryGetValue(graph, out var label) && label is null)
            {
                if (UsedFields(graph).Contains(field))
                {
                    merged.Joins.Add(new JoinField(graph) { UsedOverridden = true, Type = printType ? field.Type.ToString() : null });
                }

                continue;
            }

            var isValidOverride = validOverride.Contains(field);
            merged.Joins.Add(new JoinField(graph)
            {
                Requires = field.Requires,
                Provides = field.Provides,
                Type = printType ? field.Type.ToString() : null,
                External = field.IsExternal,
                Override = isValidOverride ? field.OverrideFrom : null,
                OverrideLabel = isValidOverride ? field.OverrideLabel : label,
            });
        }

        merged.PrintJoins = merged.Joins.Count != type.Sources.Count || merged.Joins.Any(j => j.HasArguments);
    }

    private void AddInterfaceObjectFields()
    {
        foreach (var iface in _merged.Types.Values)
        {
            if (iface.Kind != Schema.TypeKind.Interface || !iface.Sources.Any(s => s.Type.IsInterfaceObject))
            {
                continue;
            }

            foreach (var implementation in _merged.Types.Values)
            {
                if (implementation.Kind != Schema.TypeKind.Object || !implementation.Implements.Contains(iface.Name))
                {
                    continue;
                }

                foreach (var field in iface.Fields)
                {
                    if (implementation.Field(field.Name) is not null || !field.Sources.Any(s => iface.Sources.Exists(t => ReferenceEquals(t.Graph, s.Graph) && t.Type.IsInterfaceObject)))
                    {
                        continue;
                    }

                    var copy = new MergedField(field.Name, field.Type)
                    {
                        Description = field.Description,
                        IsDeprecated = field.IsDeprecated,
                        DeprecationReason = field.DeprecationReason,
                        PrintJoins = true,
                    };
                    copy.Arguments.AddRange(field.Arguments);
                    copy.Joins.Add(new JoinField((SubgraphSchema?)null));
                    implementation.Fields.Add(copy);
                }
            }
        }
    }
}
