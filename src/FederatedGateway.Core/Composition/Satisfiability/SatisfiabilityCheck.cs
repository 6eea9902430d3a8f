using System.Text;
using FederatedGateway.Core.Composition.Merging;
using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Satisfiability;

/// <summary>
/// Checks that every field of the API schema can be resolved wherever a query can reach its type. A state is a
/// type at some path together with the places (subgraph, local type) that can hold that object: the subgraphs the
/// path can be fetched from, widened through entity keys and <c>@interfaceObject</c>s. A field is satisfiable
/// when one of those places resolves it (with its <c>@requires</c> satisfiable); otherwise the composer reports a
/// <c>SATISFIABILITY_ERROR</c> with an example query.
/// </summary>
internal sealed partial class SatisfiabilityCheck
{
    private const int MaxStates = 200_000;

    private readonly MergedSchema _schema;
    private readonly List<CompositionError> _errors;
    private readonly Dictionary<(string Type, Place Place), List<Place>> _closures = new();
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    private SatisfiabilityCheck(MergedSchema schema, List<CompositionError> errors)
    {
        _schema = schema;
        _errors = errors;
    }

    public static void Check(MergedSchema schema, List<CompositionError> errors) => new SatisfiabilityCheck(schema, errors).Run();

    /// <summary>A subgraph and the name of the type that holds the object there (an @interfaceObject may stand for an implementation).</summary>
    private readonly record struct Place(SubgraphSchema Graph, string LocalType, FieldSet? Provided = null)
    {
        public string Key => Graph.GraphEnumValue + ":" + LocalType + (Provided is null ? "" : "#" + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Provided));
    }

    private sealed record State(string Type, IReadOnlyList<Place> Places, State? Parent, string? Step)
    {
        public string Key => Type + "|" + string.Join(",", Places.Select(p => p.Key));
    }

    private void Run()
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<State>();
        foreach (var rootName in new[] { "Query", "Mutation", "Subscription" })
        {
            var root = _schema.Type(rootName);
            if (root is not null && !root.IsInaccessible)
            {
                Enqueue(new State(rootName, root.Sources.Select(s => new Place(s.Graph, rootName)).ToList(), null, null));
            }
        }

        void Enqueue(State state)
        {
            if (visited.Count < MaxStates && visited.Add(state.Key))
            {
                queue.Enqueue(state);
            }
        }

        while (queue.Count > 0 && _errors.Count < 20)
        {
            var state = queue.Dequeue();
            var type = _schema.Type(state.Type);
            if (type is null || type.IsInaccessible)
            {
                continue;
            }

            foreach (var field in type.Fields)
            {
                if (field.IsInaccessible)
                {
                    continue;
                }

                var resolvers = Resolvers(type, state.Places, field.Name, new HashSet<string>(StringComparer.Ordinal));
                if (resolvers.Count == 0)
                {
                    Report(state, type, field);
                }
                else if (IsComposite(field.Type.NamedType))
                {
                    var places = ChildPlaces(resolvers, field.Name);
                    if (places.Count > 0)
                    {
                        Enqueue(new State(field.Type.NamedType, Closure(field.Type.NamedType, places), state, field.Name));
                    }
                }
            }

            foreach (var (name, places) in PossibleTypes(type, state.Places))
            {
                Enqueue(new State(name, Closure(name, places), state, "... on " + name));
            }
        }
    }

    private bool IsComposite(string typeName) => _schema.Type(typeName)?.Kind is TypeKind.Object or TypeKind.Interface or TypeKind.Union;

    /// <summary>The concrete types an abstract value may have, each with the places that know it as such.</summary>
    private IEnumerable<(string Name, List<Place> Places)> PossibleTypes(MergedType type, IReadOnlyList<Place> places)
    {
        if (type.Kind is not (TypeKind.Union or TypeKind.Interface))
        {
            yield break;
        }

        var byType = new Dictionary<string, List<Place>>(StringComparer.Ordinal);
        foreach (var place in places)
        {
            var local = place.Graph.Type(place.LocalType);
            if (local is null || local.IsInterfaceObject)
            {
                continue;
            }

            IEnumerable<string> names = type.Kind == TypeKind.Union
                ? local.UnionMembers
                : place.Graph.Types.Values.Where(t => t.Kind == TypeKind.Object && t.Implements.Contains(type.Name)).Select(t => t.Name);
            foreach (var name in names)
            {
                if (!byType.TryGetValue(name, out var list))
                {
                    list = new List<Place>();
                    byType[name] = list;
                }

                list.Add(new Place(place.Graph, name, place.Provided?.ForType(name)));
            }
        }

        foreach (var pair in byType)
        {
            yield return (pair.Key, pair.Value);
        }
    }

    private void Report(State state, MergedType type, MergedField field)
    {
        var coordinate = $"{type.Name}.{field.Name}";
        if (!_reported.Add(coordinate))
        {
            return;
        }

        var graph = state.Places.Count > 0 ? state.Places[0].Graph : field.Sources[0].Graph;
        var message = new StringBuilder("The following supergraph API query:\n");
        message.Append(ExampleQuery(state, field.Name));
        message.Append("cannot be satisfied by the subgraphs because:\n");
        message.Append(Reasons(type, state.Places, field));
        _errors.Add(new CompositionError(ErrorCodes.SatisfiabilityError, message.ToString().TrimEnd(), graph.Name, coordinate, null, null,
            $"Make \"{coordinate}\" reachable: give \"{type.Name}\" a @key in a subgraph that resolves the field (with key fields the other subgraphs can provide), or resolve the field where the type is reached."));
    }

    private static string ExampleQuery(State state, string leaf)
    {
        var steps = new List<string> { leaf };
        var root = state;
        for (; root.Parent is not null; root = root.Parent)
        {
            steps.Add(root.Step!);
        }

        steps.Reverse();
        var sb = new StringBuilder(root.Type switch { "Mutation" => "mutation ", "Subscription" => "subscription ", _ => "" }).Append("{\n");
        for (var i = 0; i < steps.Count; i++)
        {
            sb.Append(' ', 2 * (i + 1)).Append(steps[i]).Append(i < steps.Count - 1 ? " {\n" : "\n");
        }

        for (var i = steps.Count - 1; i >= 1; i--)
        {
            sb.Append(' ', 2 * i).Append("}\n");
        }

        return sb.Append("}\n").ToString();
    }
}
