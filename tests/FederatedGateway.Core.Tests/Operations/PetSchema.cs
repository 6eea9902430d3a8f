using FederatedGateway.Core.Operations;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Rules;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Tests.Operations;

/// <summary>
/// A small schema with an interface, a union and object types that share field names, for field-merging cases;
/// runs <see cref="FieldMergeValidator"/> and, as a reference, GraphQL.NET's own OverlappingFieldsCanBeMerged.
/// </summary>
internal static class PetSchema
{
    private const string Sdl = """
        interface Pet { name: String! nickname: String owner: Person }
        type Dog implements Pet {
          name: String! nickname: String owner: Person barkVolume: Int
          friends: [Pet!]! doesKnowCommand(command: String!): Boolean
        }
        type Cat implements Pet { name: String! nickname: String owner: Person meowVolume: Int lives: Int! friends: [Pet!]! }
        union CatOrDog = Cat | Dog
        type Person { name: String! email: String! age: Int pets: [Pet!]! }
        type Query { pet: Pet dog: Dog cat: Cat catOrDog: CatOrDog person: Person pets: [Pet!]! }
        """;

    public static readonly ISchema Schema = Build();

    private static ISchema Build()
    {
        var schema = GraphQL.Types.Schema.For(Sdl, builder =>
        {
            builder.Types.For("Pet").ResolveType = _ => null!;
            builder.Types.For("CatOrDog").ResolveType = _ => null!;
        });
        schema.Initialize();
        return schema;
    }

    /// <summary>The errors of our rule, with at most <paramref name="maxErrors"/> (0: all).</summary>
    public static IReadOnlyList<RequestError> Validate(string query, int maxErrors = 0, int maxFields = 100_000)
    {
        var document = GraphQLParser.Parser.Parse(query);
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue);
        return new FieldMergeValidator(Schema, fragments, query, maxErrors, maxFields, CancellationToken.None).Validate(operation, Schema.Query);
    }

    /// <summary>Whether GraphQL.NET's OverlappingFieldsCanBeMerged (and the rules it relies on) accepts the document.</summary>
    public static bool ReferenceAccepts(string query)
    {
        var document = GraphQLParser.Parser.Parse(query);
        var result = new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = Schema,
            Document = document,
            Operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single(),
            Rules = new IValidationRule[] { OverlappingFieldsCanBeMerged.Instance },
            Variables = Inputs.Empty,
            Extensions = Inputs.Empty,
            UserContext = new Dictionary<string, object?>(),
            RequestServices = null!,
        }).GetAwaiter().GetResult();
        return result.IsValid;
    }

    /// <summary>Whether the other core rules accept the document (the cases must be valid but for field merging).</summary>
    public static bool OtherRulesAccept(string query)
    {
        var document = GraphQLParser.Parser.Parse(query);
        var result = new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = Schema,
            Document = document,
            Operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single(),
            Rules = DocumentValidator.CoreRules.Where(r => r is not OverlappingFieldsCanBeMerged).ToArray(),
            Variables = Inputs.Empty,
            Extensions = Inputs.Empty,
            UserContext = new Dictionary<string, object?>(),
            RequestServices = null!,
        }).GetAwaiter().GetResult();

        // Variable values are not given here: their errors are coercion's, not the document's.
        return result.Errors.All(e => e is InvalidVariableError);
    }
}
