using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Merging;

/// <summary>
/// Merges subgraph schemas into one supergraph model: types are united by name, object and interface fields by
/// union, input fields and input-only enum values by intersection, and every element remembers which subgraphs
/// define it (the join metadata).
/// </summary>
internal sealed partial class SchemaMerger
{
    private readonly MergedSchema _merged;
    private readonly List<CompositionError> _errors;
    private readonly List<CompositionError> _hints;

    private SchemaMerger(IReadOnlyList<SubgraphSchema> subgraphs, List<CompositionError> errors, List<CompositionError> hints)
    {
        _merged = new MergedSchema(subgraphs);
        _errors = errors;
        _hints = hints;
    }

    public static MergedSchema Merge(IReadOnlyList<SubgraphSchema> subgraphs, List<CompositionError> errors, List<CompositionError> hints)
    {
        var merger = new SchemaMerger(subgraphs, errors, hints);
        merger.Run();
        return merger._merged;
    }

    private void Run()
    {
        MergeAccessAndCostNames();
        foreach (var graph in _merged.Subgraphs)
        {
            if (!graph.Types.ContainsKey("Query"))
            {
                graph.Types["Query"] = new SubgraphType("Query", TypeKind.Object, default);
            }
        }

        var order = new List<string>();
        var sources = new Dictionary<string, List<(SubgraphSchema, SubgraphType)>>(StringComparer.Ordinal);
        foreach (var graph in _merged.Subgraphs)
        {
            foreach (var type in graph.Types.Values)
            {
                if (!sources.TryGetValue(type.Name, out var list))
                {
                    list = new List<(SubgraphSchema, SubgraphType)>();
                    sources[type.Name] = list;
                    order.Add(type.Name);
                }

                list.Add((graph, type));
            }
        }

        foreach (var name in order)
        {
            var kind = MergedKind(name, sources[name]);
            if (kind is null)
            {
                continue;
            }

            var type = new MergedType(name, kind.Value);
            type.Sources.AddRange(sources[name]);
            _merged.Types[name] = type;
            MergeTypeLevel(type);
        }

        foreach (var type in _merged.Types.Values)
        {
            switch (type.Kind)
            {
                case TypeKind.Object or TypeKind.Interface:
                    MergeOutputFields(type);
                    break;
                case TypeKind.InputObject:
                    MergeInputFields(type);
                    break;
            }
        }

        AddInterfaceObjectFields();
        foreach (var type in _merged.Types.Values)
        {
            if (type.Kind == TypeKind.Enum)
            {
                MergeEnumValues(type);
            }
        }

        MergeComposedDirectives();
        MergeAccessAndCost();
    }

    private TypeKind? MergedKind(string name, List<(SubgraphSchema Graph, SubgraphType Type)> sources)
    {
        TypeKind? kind = null;
        (SubgraphSchema Graph, SubgraphType Type) first = sources[0];
        foreach (var source in sources)
        {
            var sourceKind = source.Type.IsInterfaceObject ? TypeKind.Interface : source.Type.Kind;
            if (kind is null)
            {
                kind = sourceKind;
                first = source;
            }
            else if (kind != sourceKind)
            {
                Error(ErrorCodes.TypeKindMismatch,
                    $"Type \"{name}\" has mismatched kind: it is defined as {KindName(first.Type)} in subgraph \"{first.Graph.Name}\" but {KindName(source.Type)} in subgraph \"{source.Graph.Name}\".",
                    source.Graph, name, source.Type.Location,
                    "A type must have the same kind in every subgraph; rename one of them or change its kind.");
                return null;
            }
        }

        return kind;
    }

    private static string KindName(SubgraphType type) => type.IsInterfaceObject ? "Object Type (@interfaceObject)" : type.Kind switch
    {
        TypeKind.Object => "Object Type",
        TypeKind.Interface => "Interface Type",
        TypeKind.Union => "Union Type",
        TypeKind.Enum => "Enum Type",
        TypeKind.InputObject => "Input Object Type",
        _ => "Scalar Type",
    };

    private void MergeTypeLevel(MergedType type)
    {
        foreach (var (graph, source) in type.Sources)
        {
            type.Description ??= source.Description;
            Absorb(type, source.IsInaccessible, source.Tags, false, null, source.CustomDirectives);
            type.SpecifiedByUrl ??= source.SpecifiedByUrl;
            if (source.Keys.Count == 0)
            {
                type.JoinTypes.Add(new JoinType(graph, null, source.IsExtension, null, source.IsInterfaceObject));
            }

            foreach (var key in source.Keys)
            {
                type.JoinTypes.Add(new JoinType(graph, key.Fields, source.IsExtension, key.Resolvable, source.IsInterfaceObject));
            }

            foreach (var name in source.Implements)
            {
                if (!type.Implements.Contains(name))
                {
                    type.Implements.Add(name);
                }

                type.JoinImplements.Add((graph, name));
            }

            foreach (var member in source.UnionMembers)
            {
                if (!type.UnionMembers.Contains(member))
                {
                    type.UnionMembers.Add(member);
                }

                type.JoinUnionMembers.Add((graph, member));
            }
        }
    }

    private void Absorb(MergedElement element, bool inaccessible, List<string> tags, bool deprecated, string? reason, List<GraphQLParser.AST.GraphQLDirective> custom)
    {
        if (inaccessible)
        {
            element.IsInaccessible = true;
            _merged.UsesInaccessible = true;
        }

        foreach (var tag in tags)
        {
            _merged.UsesTag = true;
            if (!element.Tags.Contains(tag))
            {
                element.Tags.Add(tag);
            }
        }

        if (deprecated && !element.IsDeprecated)
        {
            element.IsDeprecated = true;
            element.DeprecationReason = reason;
        }

        foreach (var directive in custom)
        {
            var printed = AstText.Print(directive);
            if (!element.CustomDirectives.Exists(d => AstText.Print(d) == printed))
            {
                element.CustomDirectives.Add(directive);
            }
        }
    }

    private void Error(string code, string message, SubgraphSchema? graph, string? element, SdlLocation location, string? hint = null) =>
        _errors.Add(new CompositionError(code, message, graph?.Name, element, location.Line == 0 ? null : location.Line, location.Line == 0 ? null : location.Column, hint));

    private void Hint(string code, string message, string? element) =>
        _hints.Add(new CompositionError(code, message, null, element));
}
