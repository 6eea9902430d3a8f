using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Schema;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Composition.Merging;

/// <summary>The composed schema before printing: supergraph types with their join metadata.</summary>
internal sealed class MergedSchema
{
    public MergedSchema(IReadOnlyList<SubgraphSchema> subgraphs) => Subgraphs = subgraphs;

    public IReadOnlyList<SubgraphSchema> Subgraphs { get; }

    public Dictionary<string, MergedType> Types { get; } = new(StringComparer.Ordinal);

    public List<ComposedDirective> ComposedDirectives { get; } = new();

    public bool UsesInaccessible { get; set; }

    public bool UsesTag { get; set; }

    public bool UsesOverrideLabel { get; set; }

    /// <summary>The supergraph names of the authorization and cost directives in use (federation name to name).</summary>
    public Dictionary<string, string> AccessAndCostNames { get; } = new(StringComparer.Ordinal);

    public MergedType? Type(string name) => Types.GetValueOrDefault(name);
}

/// <summary>One <c>@join__type</c> application.</summary>
internal sealed record JoinType(SubgraphSchema Graph, string? Key, bool Extension, bool? Resolvable, bool IsInterfaceObject);

/// <summary>One <c>@join__field</c> application; <see cref="Graph"/> is null for a field an <c>@interfaceObject</c> adds.</summary>
internal sealed record JoinField(SubgraphSchema? Graph)
{
    public string? Requires { get; init; }

    public string? Provides { get; init; }

    public string? Type { get; init; }

    public bool External { get; init; }

    public string? Override { get; init; }

    public string? OverrideLabel { get; init; }

    public bool UsedOverridden { get; init; }

    public bool HasArguments => Requires is not null || Provides is not null || Type is not null || External || Override is not null || UsedOverridden || OverrideLabel is not null;
}

/// <summary>Directives every supergraph element may carry.</summary>
internal abstract class MergedElement
{
    public string? Description { get; set; }

    public bool IsInaccessible { get; set; }

    public List<string> Tags { get; } = new();

    public bool IsDeprecated { get; set; }

    public string? DeprecationReason { get; set; }

    /// <summary>Authorization and cost directives, merged across subgraphs by <see cref="AccessAndCostMerger"/>.</summary>
    public AccessAndCostDirectives AccessAndCost { get; set; } = new();

    public List<GraphQLDirective> CustomDirectives { get; } = new();
}

internal sealed class MergedType : MergedElement
{
    public MergedType(string name, TypeKind kind)
    {
        Name = name;
        Kind = kind;
    }

    public string Name { get; }

    public TypeKind Kind { get; }

    public List<(SubgraphSchema Graph, SubgraphType Type)> Sources { get; } = new();

    public List<JoinType> JoinTypes { get; } = new();

    public List<MergedField> Fields { get; } = new();

    public List<string> Implements { get; } = new();

    public List<(SubgraphSchema Graph, string Interface)> JoinImplements { get; } = new();

    public List<string> UnionMembers { get; } = new();

    public List<(SubgraphSchema Graph, string Member)> JoinUnionMembers { get; } = new();

    public List<MergedEnumValue> EnumValues { get; } = new();

    public string? SpecifiedByUrl { get; set; }

    public MergedField? Field(string name) => Fields.Find(f => f.Name == name);

    public bool IsDefinedIn(SubgraphSchema graph) => Sources.Exists(s => ReferenceEquals(s.Graph, graph));
}

internal sealed class MergedField : MergedElement
{
    public MergedField(string name, TypeRef type)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; }

    public TypeRef Type { get; set; }

    public List<(SubgraphSchema Graph, SubgraphField Field)> Sources { get; } = new();

    public List<MergedArgument> Arguments { get; } = new();

    public List<JoinField> Joins { get; } = new();

    public bool PrintJoins { get; set; }

    /// <summary>Input fields only.</summary>
    public GraphQLValue? DefaultValue { get; set; }
}

internal sealed class MergedArgument : MergedElement
{
    public MergedArgument(string name, TypeRef type)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; }

    public TypeRef Type { get; set; }

    public GraphQLValue? DefaultValue { get; set; }
}

internal sealed class MergedEnumValue : MergedElement
{
    public MergedEnumValue(string name) => Name = name;

    public string Name { get; }

    public List<SubgraphSchema> Graphs { get; } = new();
}
