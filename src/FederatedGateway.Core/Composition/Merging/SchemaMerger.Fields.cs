using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Merging;

internal sealed partial class SchemaMerger
{
    private readonly Dictionary<SubgraphSchema, HashSet<SubgraphField>> _usedFields = new();

    private void MergeOutputFields(MergedType type)
    {
        var fieldOrder = new List<string>();
        var bySource = new Dictionary<string, List<(SubgraphSchema, SubgraphField)>>(StringComparer.Ordinal);
        foreach (var (graph, source) in type.Sources)
        {
            foreach (var field in source.Fields)
            {
                if (!bySource.TryGetValue(field.Name, out var list))
                {
                    list = new List<(SubgraphSchema, SubgraphField)>();
                    bySource[field.Name] = list;
                    fieldOrder.Add(field.Name);
                }

                list.Add((graph, field));
            }
        }

        foreach (var name in fieldOrder)
        {
            var sources = bySource[name];
            var merged = new MergedField(name, sources[0].Item2.Type);
            merged.Sources.AddRange(sources);
            foreach (var (_, field) in sources)
            {
                merged.Description ??= field.Description;
                Absorb(merged, field.IsInaccessible, field.Tags, field.IsDeprecated, field.DeprecationReason, field.CustomDirectives);
            }

            MergeOutputType(type, merged);
            MergeArguments(type, merged);
            BuildJoins(type, merged);
            type.Fields.Add(merged);
        }
    }

    private void MergeOutputType(MergedType type, MergedField merged)
    {
        var candidates = merged.Sources.Select(s => s.Field.Type).ToList();
        var allSame = candidates.All(t => t.ToString() == candidates[0].ToString());
        if (allSame)
        {
            merged.Type = candidates[0];
            return;
        }

        foreach (var candidate in candidates)
        {
            if (candidates.All(t => IsSubtype(t, candidate)))
            {
                merged.Type = candidate;
                return;
            }
        }

        var described = string.Join(" and ", merged.Sources.GroupBy(s => s.Field.Type.ToString()).Select(g => $"type \"{g.Key}\" in {Subgraphs(g.Select(s => s.Graph))}"));
        var first = merged.Sources[0];
        Error(ErrorCodes.FieldTypeMismatch, $"Type of field \"{type.Name}.{merged.Name}\" is incompatible across subgraphs: it has {described}.",
            first.Graph, $"{type.Name}.{merged.Name}", first.Field.Location,
            "Use the same type in every subgraph; output types may differ only in nullability or by a subtype (an implementation or union member).");
    }

    /// <summary>True when a value of <paramref name="sub"/> is always a valid <paramref name="super"/> (output position).</summary>
    private bool IsSubtype(TypeRef sub, TypeRef super)
    {
        if (super.IsNonNull)
        {
            return sub.IsNonNull && IsSubtype(sub.OfType!, super.OfType!);
        }

        if (sub.IsNonNull)
        {
            return IsSubtype(sub.OfType!, super);
        }

        if (super.IsList || sub.IsList)
        {
            return super.IsList && sub.IsList && IsSubtype(sub.OfType!, super.OfType!);
        }

        if (sub.Name == super.Name)
        {
            return true;
        }

        var superType = _merged.Type(super.Name!);
        return superType is not null
            && (superType.UnionMembers.Contains(sub.Name!) || (_merged.Type(sub.Name!)?.Implements.Contains(super.Name!) ?? false));
    }

    private void MergeArguments(MergedType type, MergedField merged)
    {
        var resolving = merged.Sources.Where(s => !s.Field.IsExternal).ToList();
        if (resolving.Count == 0)
        {
            resolving = merged.Sources;
        }

        var names = new List<string>();
        foreach (var (_, field) in resolving)
        {
            foreach (var argument in field.Arguments)
            {
                if (!names.Contains(argument.Name))
                {
                    names.Add(argument.Name);
                }
            }
        }

        foreach (var name in names)
        {
            var coordinate = $"{type.Name}.{merged.Name}({name}:)";
            var present = resolving.Where(s => s.Field.Argument(name) is not null).ToList();
            var missing = resolving.Where(s => s.Field.Argument(name) is null).ToList();
            if (missing.Count > 0)
            {
                var required = present.FirstOrDefault(s => IsRequired(s.Field.Argument(name)!.Type, s.Field.Argument(name)!.DefaultValue));
                if (required.Graph is not null)
                {
                    Error(ErrorCodes.RequiredArgumentMissingInSomeSubgraph,
                        $"Argument \"{coordinate}\" is required in some subgraphs but does not appear in all subgraphs: it is required in {Subgraphs(new[] { required.Graph })} but does not appear in {Subgraphs(missing.Select(m => m.Graph))}.",
                        missing[0].Graph, coordinate, missing[0].Field.Location, $"Add the argument to \"{type.Name}.{merged.Name}\" in {Subgraphs(missing.Select(m => m.Graph))}, or make it optional everywhere.");
                }
                else
                {
                    Hint(HintCodes.InconsistentArgumentPresence, $"Optional argument \"{coordinate}\" will not be included in the supergraph as it does not appear in all subgraphs: it is defined in {Subgraphs(present.Select(p => p.Graph))} but not in {Subgraphs(missing.Select(m => m.Graph))}.", coordinate);
                }

                continue;
            }

            var arguments = present.Select(p => (p.Graph, Argument: p.Field.Argument(name)!)).ToList();
            var mergedType = MergeInputType(coordinate, arguments.Select(a => (a.Graph, a.Argument.Type, present[0].Field.Location)).ToList(), ErrorCodes.FieldArgumentTypeMismatch, "Argument");
            var result = new MergedArgument(name, mergedType ?? arguments[0].Argument.Type);
            foreach (var (_, argument) in arguments)
            {
                result.Description ??= argument.Description;
                Absorb(result, argument.IsInaccessible, argument.Tags, argument.IsDeprecated, argument.DeprecationReason, argument.CustomDirectives);
            }

            result.AccessAndCost = AccessAndCostMerger.Merge(arguments.Select(a => a.Argument.AccessAndCost), [], directive => MergedHint(directive, coordinate));
            result.DefaultValue = MergeDefault(coordinate, arguments.Select(a => (a.Graph, a.Argument.DefaultValue)).ToList(), ErrorCodes.FieldArgumentDefaultMismatch, "Argument");
            merged.Arguments.Add(result);
        }
    }

    private static bool IsRequired(TypeRef type, GraphQLParser.AST.GraphQLValue? defaultValue) => type.IsNonNull && defaultValue is null;

    /// <summary>Input positions: types must agree up to nullability; the supergraph takes the strictest (non-null if any is).</summary>
    private TypeRef? MergeInputType(string coordinate, List<(SubgraphSchema Graph, TypeRef Type, SdlLocation Location)> types, string code, string what)
    {
        var strictest = types[0].Type;
        foreach (var (graph, type, location) in types)
        {
            if (!SameUpToNullability(type, strictest))
            {
                var described = string.Join(" and ", types.GroupBy(t => t.Type.ToString()).Select(g => $"type \"{g.Key}\" in {Subgraphs(g.Select(s => s.Graph))}"));
                Error(code, $"Type of {what.ToLowerInvariant()} \"{coordinate}\" is incompatible across subgraphs: it has {described}.", graph, coordinate, location,
                    "Input types may differ only in nullability; use the same type in every subgraph.");
                return null;
            }

            if (IsStricter(type, strictest))
            {
                strictest = type;
            }
        }

        return strictest;
    }

    private static bool SameUpToNullability(TypeRef a, TypeRef b)
    {
        var x = a.Nullable;
        var y = b.Nullable;
        if (x.IsList != y.IsList)
        {
            return false;
        }

        return x.IsList ? SameUpToNullability(x.OfType!, y.OfType!) : x.Name == y.Name;
    }

    private static bool IsStricter(TypeRef a, TypeRef b)
    {
        if (a.IsNonNull != b.IsNonNull)
        {
            return a.IsNonNull;
        }

        var x = a.Nullable;
        var y = b.Nullable;
        return x.IsList && y.IsList && IsStricter(x.OfType!, y.OfType!);
    }

    private GraphQLParser.AST.GraphQLValue? MergeDefault(string coordinate, List<(SubgraphSchema Graph, GraphQLParser.AST.GraphQLValue? Value)> values, string code, string what)
    {
        GraphQLParser.AST.GraphQLValue? chosen = null;
        string? printed = null;
        foreach (var (graph, value) in values)
        {
            if (value is null)
            {
                continue;
            }

            var text = AstText.Print(value);
            if (printed is null)
            {
                chosen = value;
                printed = text;
            }
            else if (printed != text)
            {
                _errors.Add(new CompositionError(code,
                    $"{what} \"{coordinate}\" has incompatible default values across subgraphs: it has default value {printed} in {Subgraphs(values.Where(v => v.Value is not null && AstText.Print(v.Value) == printed).Select(v => v.Graph))} and {text} in {Subgraphs(new[] { graph })}.",
                    graph.Name, coordinate, null, null, "Use the same default value in every subgraph."));
                return chosen;
            }
        }

        if (chosen is not null && values.Any(v => v.Value is null))
        {
            Hint(HintCodes.InconsistentDefaultValuePresence, $"{what} \"{coordinate}\" has a default value in only some subgraphs.", coordinate);
        }

        return chosen;
    }

    private static string Subgraphs(IEnumerable<SubgraphSchema> graphs)
    {
        var names = graphs.Select(g => $"\"{g.Name}\"").Distinct().ToList();
        return names.Count == 1 ? $"subgraph {names[0]}" : $"subgraphs {string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
    }
}
