using System.Text.Json;
using FederatedGateway.Core.Schema;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Operations;

/// <summary>A field in a normalized selection set.</summary>
public sealed class FieldSelection : Selection
{
    public FieldSelection(
        string name,
        string? alias,
        GraphQLArguments? arguments,
        SchemaField? definition,
        SelectionSet? selectionSet,
        IReadOnlyList<InclusionCondition> conditions,
        GraphQLLocation location = default,
        GraphQLField? syntax = null)
        : base(conditions)
    {
        Syntax = syntax;
        Name = name;
        Alias = alias;
        Arguments = arguments;
        Definition = definition;
        SelectionSet = selectionSet;
        Location = location;
        EncodedResponseName = JsonEncodedText.Encode(alias ?? name);
        EncodedName = alias is null ? EncodedResponseName : JsonEncodedText.Encode(name);
    }

    public string Name { get; }

    public string? Alias { get; }

    public string ResponseName => Alias ?? Name;

    /// <summary>The response name as a ready-to-write JSON property name (GraphQL names need no escaping).</summary>
    public JsonEncodedText EncodedResponseName { get; }

    /// <summary>The field name as a ready-to-write JSON property name (representations name fields, not aliases).</summary>
    public JsonEncodedText EncodedName { get; }

    public GraphQLArguments? Arguments { get; }

    /// <summary>The schema field; null for <c>__typename</c>, <c>__schema</c> and <c>__type</c>.</summary>
    public SchemaField? Definition { get; }

    public SelectionSet? SelectionSet { get; }

    public GraphQLLocation Location { get; }

    /// <summary>The field as the client wrote it (kept for introspection, which is answered from the syntax).</summary>
    public GraphQLField? Syntax { get; }

    public bool IsTypename => Name == "__typename";
}
