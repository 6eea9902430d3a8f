using FederatedGateway.Core.Composition.Merging;
using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Validation;

/// <summary>Checks the merged schema: field sharing, @external bases, interfaces, @inaccessible, @interfaceObject, satisfiability.</summary>
internal sealed partial class SupergraphValidator
{
    private readonly MergedSchema _schema;
    private readonly List<CompositionError> _errors;
    private readonly Dictionary<SubgraphSchema, HashSet<SubgraphField>> _provided = new();
    private readonly Dictionary<SubgraphSchema, HashSet<SubgraphField>> _keyFields = new();

    private SupergraphValidator(MergedSchema schema, List<CompositionError> errors)
    {
        _schema = schema;
        _errors = errors;
    }

    public static void Validate(MergedSchema schema, List<CompositionError> errors, List<CompositionError> hints)
    {
        var validator = new SupergraphValidator(schema, errors);
        validator.CheckQueries();
        validator.CheckSharing();
        validator.CheckExternalBases();
        validator.CheckInterfaces();
        validator.CheckInterfaceObjects();
        validator.CheckInaccessible();
        if (errors.Count == 0)
        {
            Satisfiability.Check(schema, errors);
        }
    }

    private void CheckQueries()
    {
        var query = _schema.Type("Query");
        if (query is null || query.Fields.Count == 0)
        {
            Error(ErrorCodes.NoQueries, "No queries found in any subgraph: a supergraph must have a query root type.", null, "Query", default, "Add at least one field to type Query in some subgraph.");
        }
    }

    /// <summary>A field resolved by several subgraphs must be @shareable in all of them (key fields and Federation 1 fields are).</summary>
    private void CheckSharing()
    {
        foreach (var type in _schema.Types.Values)
        {
            if (type.Kind != TypeKind.Object)
            {
                continue;
            }

            foreach (var field in type.Fields)
            {
                var resolving = field.Sources.Where(s => IsResolvedBy(field, s.Graph, s.Field)).ToList();
                if (resolving.Count < 2)
                {
                    continue;
                }

                var unshareable = resolving.Where(s => !s.Field.IsExternal && !IsShareable(type, s.Graph, s.Field)).ToList();
                if (unshareable.Count == 0)
                {
                    continue;
                }

                var coordinate = $"{type.Name}.{field.Name}";
                var all = Names(resolving.Select(s => s.Graph));
                var message = unshareable.Count == resolving.Count
                    ? $"Non-shareable field \"{coordinate}\" is resolved from multiple subgraphs: it is resolved from {all} and defined as non-shareable in all of them."
                    : $"Non-shareable field \"{coordinate}\" is resolved from multiple subgraphs: it is resolved from {all} and defined as non-shareable in {Names(unshareable.Select(s => s.Graph))}.";
                Error(ErrorCodes.InvalidFieldSharing, message, unshareable[0].Graph, coordinate, unshareable[0].Field.Location,
                    $"Mark \"{coordinate}\" @shareable in every subgraph that resolves it, or move it to one subgraph (@override helps migrate it).");
            }
        }
    }

    private bool IsResolvedBy(MergedField field, SubgraphSchema graph, SubgraphField source)
    {
        var join = field.Joins.Find(j => ReferenceEquals(j.Graph, graph));
        if (join is null || join.UsedOverridden || field.Sources.Exists(s => s.Field.OverrideFrom == graph.Name))
        {
            return false;
        }

        return !source.IsExternal || Provided(graph).Contains(source);
    }

    private bool IsShareable(MergedType type, SubgraphSchema graph, SubgraphField field) =>
        !graph.IsFederation2 || field.IsShareable || graph.Type(type.Name)!.IsShareable || KeyFields(graph).Contains(field);

    /// <summary>Fields some @key of the subgraph selects (nested ones included): they are shareable implicitly.</summary>
    private HashSet<SubgraphField> KeyFields(SubgraphSchema graph)
    {
        if (!_keyFields.TryGetValue(graph, out var fields))
        {
            fields = new HashSet<SubgraphField>();
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

            _keyFields[graph] = fields;
        }

        return fields;
    }

    private HashSet<SubgraphField> Provided(SubgraphSchema graph)
    {
        if (!_provided.TryGetValue(graph, out var provided))
        {
            provided = new HashSet<SubgraphField>();
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

            _provided[graph] = provided;
        }

        return provided;
    }

    /// <summary>An @external field must be resolved (not external) in some other subgraph.</summary>
    private void CheckExternalBases()
    {
        foreach (var type in _schema.Types.Values)
        {
            foreach (var field in type.Fields)
            {
                if (field.Sources.Count > 0 && field.Sources.All(s => s.Field.IsExternal))
                {
                    var coordinate = $"{type.Name}.{field.Name}";
                    Error(ErrorCodes.ExternalMissingOnBase, $"Field \"{coordinate}\" is marked @external on all the subgraphs in which it is listed ({Names(field.Sources.Select(s => s.Graph))}).",
                        field.Sources[0].Graph, coordinate, field.Sources[0].Field.Location, $"Some subgraph must resolve \"{coordinate}\" (define it there without @external).");
                }
            }
        }
    }

    private void Error(string code, string message, SubgraphSchema? graph, string? element, SdlLocation location, string? hint = null) =>
        _errors.Add(new CompositionError(code, message, graph?.Name, element, location.Line == 0 ? null : location.Line, location.Line == 0 ? null : location.Column, hint));

    internal static string Names(IEnumerable<SubgraphSchema> graphs)
    {
        var names = graphs.Select(g => $"\"{g.Name}\"").Distinct().ToList();
        return names.Count == 1 ? $"subgraph {names[0]}" : $"subgraphs {string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
    }
}
