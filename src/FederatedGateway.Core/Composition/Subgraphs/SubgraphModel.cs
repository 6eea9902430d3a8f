using FederatedGateway.Core.Schema;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Composition.Subgraphs;

/// <summary>A source position in a subgraph SDL (1-based).</summary>
internal readonly record struct SdlLocation(int Line, int Column);

/// <summary>One subgraph schema read for composition, with federation directives resolved to their meaning.</summary>
internal sealed class SubgraphSchema
{
    public SubgraphSchema(string name, string url, bool isFederation2)
    {
        Name = name;
        Url = url;
        IsFederation2 = isFederation2;
    }

    public string Name { get; }

    public string Url { get; }

    /// <summary>Set by the supergraph builder: the <c>join__Graph</c> enum value.</summary>
    public string GraphEnumValue { get; set; } = "";

    public bool IsFederation2 { get; }

    /// <summary>The minor version of the linked federation spec (<c>v2.9</c> is 9); 0 for Federation 1.</summary>
    public int FederationMinorVersion { get; init; }

    /// <summary>
    /// The names this subgraph applies the authorization and cost directives under (federation name, e.g.
    /// <c>requiresScopes</c>, to the name as written, e.g. <c>scopes</c> or <c>federation__requiresScopes</c>).
    /// </summary>
    public Dictionary<string, string> AccessAndCostNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Types in definition order (root types already renamed to Query/Mutation/Subscription).</summary>
    public Dictionary<string, SubgraphType> Types { get; } = new(StringComparer.Ordinal);

    /// <summary>Custom directive definitions kept by <c>@composeDirective</c>, with the spec link that declares them.</summary>
    public List<ComposedDirective> ComposedDirectives { get; } = new();

    public SubgraphType? Type(string name) => Types.GetValueOrDefault(name);

    public SubgraphField? Field(string typeName, string fieldName) => Type(typeName)?.Field(fieldName);
}

/// <summary>A custom directive a subgraph asks to keep in the supergraph.</summary>
internal sealed record ComposedDirective(string Name, GraphQLDirectiveDefinition Definition, string? LinkUrl);

/// <summary>A <c>@key</c> application: its field set as written, and its parsed selection.</summary>
internal sealed record SubgraphKey(string Fields, bool? Resolvable, FieldSet Selection)
{
    public bool IsResolvable => Resolvable ?? true;
}

/// <summary>A type of one subgraph.</summary>
internal sealed class SubgraphType
{
    public SubgraphType(string name, TypeKind kind, SdlLocation location)
    {
        Name = name;
        Kind = kind;
        Location = location;
    }

    public string Name { get; }

    /// <summary>The kind in this subgraph (an <c>@interfaceObject</c> is an object here).</summary>
    public TypeKind Kind { get; }

    public SdlLocation Location { get; }

    public string? Description { get; set; }

    /// <summary>Declared as an extension (<c>@extends</c>, or <c>extend type</c> in Federation 2): <c>join__type(extension: true)</c>.</summary>
    public bool IsExtension { get; set; }

    /// <summary>Only <c>extend type</c> definitions were seen (no base definition in this subgraph).</summary>
    public bool OnlyExtensionSyntax { get; set; }

    public bool IsInterfaceObject { get; set; }

    public bool IsShareable { get; set; }

    public bool IsInaccessible { get; set; }

    public List<string> Tags { get; } = new();

    public List<SubgraphKey> Keys { get; } = new();

    public List<string> Implements { get; } = new();

    public List<SubgraphField> Fields { get; } = new();

    public List<string> UnionMembers { get; } = new();

    public List<SubgraphEnumValue> EnumValues { get; } = new();

    public string? SpecifiedByUrl { get; set; }

    public AccessAndCostDirectives AccessAndCost { get; } = new();

    /// <summary>Applications of composed custom directives, printed as written.</summary>
    public List<GraphQLDirective> CustomDirectives { get; } = new();

    public bool IsEntity => Keys.Count > 0;

    public SubgraphField? Field(string name)
    {
        foreach (var field in Fields)
        {
            if (field.Name == name)
            {
                return field;
            }
        }

        return null;
    }
}

/// <summary>A field (or input field) of a subgraph type.</summary>
internal sealed class SubgraphField
{
    public SubgraphField(string name, TypeRef type, SdlLocation location)
    {
        Name = name;
        Type = type;
        Location = location;
    }

    public string Name { get; }

    public TypeRef Type { get; }

    public SdlLocation Location { get; }

    public string? Description { get; set; }

    public List<SubgraphArgument> Arguments { get; } = new();

    public bool IsExternal { get; set; }

    public string? Requires { get; set; }

    public FieldSet? RequiresSelection { get; set; }

    public string? Provides { get; set; }

    public FieldSet? ProvidesSelection { get; set; }

    public bool IsShareable { get; set; }

    public string? OverrideFrom { get; set; }

    public string? OverrideLabel { get; set; }

    public bool IsInaccessible { get; set; }

    public List<string> Tags { get; } = new();

    /// <summary>Null when not deprecated; the reason (possibly default) otherwise.</summary>
    public string? DeprecationReason { get; set; }

    public bool IsDeprecated { get; set; }

    /// <summary>Input fields only.</summary>
    public GraphQLValue? DefaultValue { get; set; }

    public AccessAndCostDirectives AccessAndCost { get; set; } = new();

    public List<GraphQLDirective> CustomDirectives { get; } = new();

    public SubgraphArgument? Argument(string name) => Arguments.Find(a => a.Name == name);
}

/// <summary>An argument of a subgraph field.</summary>
internal sealed class SubgraphArgument
{
    public SubgraphArgument(string name, TypeRef type)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; }

    public TypeRef Type { get; }

    public string? Description { get; set; }

    public GraphQLValue? DefaultValue { get; set; }

    public bool IsInaccessible { get; set; }

    public List<string> Tags { get; } = new();

    public bool IsDeprecated { get; set; }

    public string? DeprecationReason { get; set; }

    public AccessAndCostDirectives AccessAndCost { get; } = new();

    public List<GraphQLDirective> CustomDirectives { get; } = new();
}

/// <summary>An enum value of a subgraph enum.</summary>
internal sealed class SubgraphEnumValue
{
    public SubgraphEnumValue(string name) => Name = name;

    public string Name { get; }

    public string? Description { get; set; }

    public bool IsInaccessible { get; set; }

    public List<string> Tags { get; } = new();

    public bool IsDeprecated { get; set; }

    public string? DeprecationReason { get; set; }

    public List<GraphQLDirective> CustomDirectives { get; } = new();
}
