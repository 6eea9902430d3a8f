using GraphQLParser.AST;

namespace FederatedGateway.Core.Schema;

/// <summary>An argument of a field or directive, or an input object field.</summary>
public sealed class SchemaArgument
{
    internal SchemaArgument(string name, TypeRef type, GraphQLValue? defaultValue, string? description, bool inaccessible, string? deprecationReason)
    {
        Name = name;
        Type = type;
        DefaultValue = defaultValue;
        Description = description;
        Inaccessible = inaccessible;
        DeprecationReason = deprecationReason;
    }

    public string Name { get; }

    public TypeRef Type { get; }

    /// <summary>The default as written in the supergraph (a parsed literal, read by nobody who changes it).</summary>
    public GraphQLValue? DefaultValue { get; }

    public string? Description { get; }

    public bool Inaccessible { get; }

    /// <summary>True when the supergraph marks it <c>@deprecated</c>.</summary>
    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>The <c>@deprecated</c> reason ("No longer supported" when none is given), or null when not deprecated.</summary>
    public string? DeprecationReason { get; }
}
