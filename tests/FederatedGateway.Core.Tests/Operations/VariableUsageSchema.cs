using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Operations.VariableUsages;
using GraphQL.Types;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Tests.Operations;

/// <summary>A small schema with nested input objects, lists and defaults on arguments and input fields, for variable usages.</summary>
internal static class VariableUsageSchema
{
    private const string Sdl = """
        input Range { min: Int! max: Float! step: Int! = 1 tags: [String!] }
        input Filter { range: Range ids: [ID!]! nested: [[Int!]]! }
        type Item { id: ID! name: String }
        type Query {
          item(id: ID!): Item
          items(first: Int! = 10, filter: Filter, ids: [ID!]): [Item!]!
          count(n: Int): Int
          matrix(rows: [[Int!]!]!): Int
        }
        """;

    public static readonly ISchema Schema = Build();

    private static ISchema Build()
    {
        var schema = GraphQL.Types.Schema.For(Sdl);
        schema.Initialize();
        return schema;
    }

    /// <summary>Our rule's errors and the nullable variables it lets into non-null positions.</summary>
    public static (IReadOnlyList<RequestError> Errors, IReadOnlyCollection<NullableVariableInNonNullPosition> NullableInNonNull) Validate(string query)
    {
        var document = GraphQLParser.Parser.Parse(query);
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue);
        var validator = new VariableUsageValidator(Schema, fragments, query, 0, CancellationToken.None);
        var errors = validator.Validate(operation, Schema.Query);
        return (errors, validator.NullableInNonNullPositions);
    }
}
