using GraphQLParser.AST;

namespace FederatedGateway.Core.Schema;

/// <summary>An argument of a field or directive, or an input object field.</summary>
public sealed class SchemaArgument
{
    public SchemaArgument(string name, TypeRef type, GraphQLValue? defaultValue, string? description, bool inaccessible, GraphQLDirectives? directives)
    {
        Name = name;
        Type = type;
        DefaultValue = defaultValue;
        Description = description;
        Inaccessible = inaccessible;
        Directives = directives;
    }

    public string Name { get; }

    public TypeRef Type { get; }

    public GraphQLValue? DefaultValue { get; }

    public string? Description { get; }

    public bool Inaccessible { get; }

    /// <summary>Directives kept for the API schema (e.g. <c>@deprecated</c>).</summary>
    public GraphQLDirectives? Directives { get; }
}
