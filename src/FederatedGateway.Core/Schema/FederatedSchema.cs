using System.Collections.Frozen;
using System.Collections.Immutable;

namespace FederatedGateway.Core.Schema;

/// <summary>
/// The immutable model of a supergraph: types, fields, and which subgraph resolves what.
/// Built once by <see cref="Supergraph.SupergraphReader"/>; every collection it exposes is frozen and nothing has a
/// setter, so it is safe to share between threads.
/// </summary>
public sealed class FederatedSchema
{
    private readonly FrozenDictionary<string, ImmutableArray<string>> _possibleTypes;

    internal FederatedSchema(
        FrozenOrderedDictionary<SchemaType> types,
        IReadOnlyList<SubgraphInfo> subgraphs,
        string queryType,
        string? mutationType,
        string? subscriptionType,
        IReadOnlyList<GraphQLParser.AST.GraphQLDirectiveDefinition> apiDirectives)
    {
        Types = types;
        Subgraphs = subgraphs.ToArray();
        QueryType = queryType;
        MutationType = mutationType;
        SubscriptionType = subscriptionType;
        ApiDirectives = apiDirectives.ToArray();
        SubgraphsByName = subgraphs.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);
        _possibleTypes = ComputePossibleTypes(types);
    }

    /// <summary>Every type by name, in the order the supergraph declares them (built-in scalars it omits come last).</summary>
    public FrozenOrderedDictionary<SchemaType> Types { get; }

    public IReadOnlyList<SubgraphInfo> Subgraphs { get; }

    public FrozenDictionary<string, SubgraphInfo> SubgraphsByName { get; }

    public string QueryType { get; }

    public string? MutationType { get; }

    public string? SubscriptionType { get; }

    /// <summary>Custom directive definitions that belong to the client-facing schema.</summary>
    public IReadOnlyList<GraphQLParser.AST.GraphQLDirectiveDefinition> ApiDirectives { get; }

    public SchemaType GetType(string name) => Types[name];

    public SchemaType? FindType(string name) => Types.TryGetValue(name, out var t) ? t : null;

    /// <summary>
    /// The type <paramref name="type"/> names when it is a named type (not a list or non-null wrapper), else null.
    /// The answer is kept on the reference (a schema's types do not change), so the hot path looks up no string.
    /// </summary>
    public SchemaType? FindType(TypeRef type)
    {
        if (type.Name is null)
        {
            return null;
        }

        var resolution = type.Resolution;
        if (resolution is null || !ReferenceEquals(resolution.Schema, this))
        {
            resolution = new TypeRef.ResolvedType(this, FindType(type.Name));
            type.Resolution = resolution;
        }

        return resolution.Type;
    }

    /// <summary>The innermost named type of <paramref name="type"/> (through lists and non-null), or null when unknown.</summary>
    public SchemaType? FindNamedType(TypeRef type)
    {
        while (type.Name is null)
        {
            type = type.OfType!;
        }

        return FindType(type);
    }

    /// <summary>Object types a value of <paramref name="typeName"/> may have at run time (API schema, sorted).</summary>
    public ImmutableArray<string> PossibleTypes(string typeName) =>
        _possibleTypes.TryGetValue(typeName, out var list) ? list : ImmutableArray<string>.Empty;

    /// <summary>True when some object can be of both types (a type and an interface it implements, two interfaces of one type…).</summary>
    public bool Overlap(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        var possible = PossibleTypes(a);
        if (possible.Length == 0)
        {
            return Satisfies(a, b);
        }

        foreach (var concrete in possible)
        {
            if (Satisfies(concrete, b))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when an object of type <paramref name="objectType"/> matches a fragment on <paramref name="typeCondition"/>.</summary>
    public bool Satisfies(string objectType, string typeCondition)
    {
        if (objectType == typeCondition)
        {
            return true;
        }

        var possible = PossibleTypes(typeCondition);
        foreach (var p in possible)
        {
            if (p == objectType)
            {
                return true;
            }
        }

        return false;
    }

    private static FrozenDictionary<string, ImmutableArray<string>> ComputePossibleTypes(FrozenOrderedDictionary<SchemaType> types)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var type in types.Values)
        {
            if (type.Kind == TypeKind.Object)
            {
                Add(result, type.Name, type.Name);
                foreach (var iface in type.Interfaces)
                {
                    Add(result, iface, type.Name);
                }
            }
            else if (type.Kind == TypeKind.Union)
            {
                foreach (var member in type.UnionMembers)
                {
                    Add(result, type.Name, member);
                }
            }
        }

        return result.ToFrozenDictionary(
            pair => pair.Key,
            pair => pair.Value.Distinct().Order(StringComparer.Ordinal).ToImmutableArray(),
            StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<string>();
        }

        list.Add(value);
    }
}
