using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Merging;

internal sealed partial class SchemaMerger
{
    private const string FederationLinkDescription = "the federation spec";

    /// <summary>
    /// Merges the authorization and cost directives of types, fields and input fields (arguments are merged with their
    /// field). An interface, and each of its fields, also takes the authorization requirements of its implementations
    /// (the object types and fields, and the fields an <c>@interfaceObject</c> adds), so that a query through the
    /// interface is never less protected than one through an implementation.
    /// </summary>
    private void MergeAccessAndCost()
    {
        var implementations = ImplementationSources();
        foreach (var type in _merged.Types.Values)
        {
            var typeExtra = type.Kind == TypeKind.Interface ? implementations.GetValueOrDefault(type.Name) ?? [] : [];
            type.AccessAndCost = AccessAndCostMerger.Merge(type.Sources.Select(s => s.Type.AccessAndCost), typeExtra, name => MergedHint(name, type.Name));
            foreach (var field in type.Fields)
            {
                var coordinate = $"{type.Name}.{field.Name}";
                var fieldExtra = implementations.GetValueOrDefault(coordinate) ?? [];
                field.AccessAndCost = AccessAndCostMerger.Merge(field.Sources.Select(s => s.Field.AccessAndCost), fieldExtra, name => MergedHint(name, coordinate));
            }
        }
    }

    /// <summary>Each directive keeps the name the subgraphs that apply it give it; they must agree. Runs before anything is merged.</summary>
    private void MergeAccessAndCostNames()
    {
        var firstGraph = new Dictionary<string, SubgraphSchema>(StringComparer.Ordinal);
        foreach (var graph in _merged.Subgraphs)
        {
            foreach (var (canonical, local) in graph.AccessAndCostNames)
            {
                if (!_merged.AccessAndCostNames.TryGetValue(canonical, out var existing))
                {
                    _merged.AccessAndCostNames[canonical] = local;
                    firstGraph[canonical] = graph;
                }
                else if (existing != local)
                {
                    Error(ErrorCodes.LinkImportNameMismatch,
                        $"The \"@{canonical}\" directive (from {FederationLinkDescription}) is imported with mismatched name between subgraphs: it is imported as \"@{existing}\" in subgraph \"{firstGraph[canonical].Name}\" but \"@{local}\" in subgraph \"{graph.Name}\".",
                        graph, null, default, $"Import @{canonical} under the same name in every subgraph.");
                }
            }
        }
    }

    /// <summary>The subgraph elements whose authorization requirements an interface (key: name) or interface field (key: coordinate) takes.</summary>
    private Dictionary<string, List<AccessAndCostDirectives>> ImplementationSources()
    {
        var result = new Dictionary<string, List<AccessAndCostDirectives>>(StringComparer.Ordinal);
        void Add(string key, AccessAndCostDirectives directives)
        {
            if (!directives.HasAuthorization)
            {
                return;
            }

            if (!result.TryGetValue(key, out var list))
            {
                list = new List<AccessAndCostDirectives>();
                result[key] = list;
            }

            list.Add(directives);
        }

        var interfacesOf = _merged.Types.Values.Where(t => t.Kind == TypeKind.Object)
            .ToDictionary(t => t.Name, t => t.Implements.Where(i => _merged.Type(i)?.Kind == TypeKind.Interface).ToList(), StringComparer.Ordinal);
        foreach (var graph in _merged.Subgraphs)
        {
            foreach (var type in graph.Types.Values.Where(t => t.Kind == TypeKind.Object))
            {
                if (type.IsInterfaceObject)
                {
                    AddInterfaceObjectFields(type, interfacesOf, Add);
                    continue;
                }

                foreach (var implemented in interfacesOf.GetValueOrDefault(type.Name) ?? [])
                {
                    Add(implemented, type.AccessAndCost);
                    foreach (var field in type.Fields.Where(f => !f.IsExternal))
                    {
                        Add($"{implemented}.{field.Name}", field.AccessAndCost);
                    }
                }
            }
        }

        return result;
    }

    /// <summary>A field an <c>@interfaceObject</c> adds is a field of every implementation, and of their other interfaces.</summary>
    private static void AddInterfaceObjectFields(SubgraphType interfaceObject, Dictionary<string, List<string>> interfacesOf, Action<string, AccessAndCostDirectives> add)
    {
        var implementations = interfacesOf.Where(i => i.Value.Contains(interfaceObject.Name)).Select(i => i.Key).ToList();
        foreach (var field in interfaceObject.Fields.Where(f => !f.IsExternal))
        {
            var otherInterfaces = new HashSet<string>(StringComparer.Ordinal);
            foreach (var implementation in implementations)
            {
                add($"{implementation}.{field.Name}", field.AccessAndCost);
                otherInterfaces.UnionWith(interfacesOf[implementation].Where(i => i != interfaceObject.Name));
            }

            foreach (var other in otherInterfaces)
            {
                add($"{other}.{field.Name}", field.AccessAndCost);
            }
        }
    }

    private void MergedHint(string canonical, string coordinate)
    {
        var name = _merged.AccessAndCostNames.GetValueOrDefault(canonical, canonical);
        var strategies = canonical switch
        {
            "requiresScopes" => "\"scopes\": DNF_CONJUNCTION",
            "policy" => "\"policies\": DNF_CONJUNCTION",
            "cost" => "\"weight\": MAX",
            _ => "\"assumedSize\": NULLABLE_MAX, \"slicingArguments\": NULLABLE_UNION, \"sizedFields\": NULLABLE_UNION, \"requireOneSlicingArgument\": NULLABLE_AND",
        };
        Hint(HintCodes.MergedNonRepeatableDirectiveArguments,
            $"Directive @{name} is applied to \"{coordinate}\" in multiple subgraphs with different arguments. Merging strategies used by arguments: {{ {strategies} }}", coordinate);
    }
}
