using System.Text;
using System.Text.Json;
using FederatedGateway.Execution.Requests;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQLParser.AST;

namespace FederatedGateway.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A stand-in for the real gateway executor that behaves like a real GraphQL server: GraphQL.NET over a tiny
/// schema (<c>hello(name)</c>, a mutation <c>noop</c>, introspection). Used to audit the HTTP layer alone.
/// </summary>
public sealed class GraphQLNetExecutor : IGatewayExecutor
{
    private readonly ISchema _schema;
    private readonly DocumentExecuter _executer = new();
    private readonly GraphQLSerializer _serializer = new();

    public GraphQLNetExecutor()
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<StringGraphType>("hello")
            .Argument<StringGraphType>("name")
            .Resolve(context => "Hello " + (context.GetArgument<string>("name") ?? "world"));

        var mutation = new ObjectGraphType { Name = "Mutation" };
        mutation.Field<BooleanGraphType>("noop").Resolve(_ => true);

        _schema = new Schema { Query = query, Mutation = mutation };
        _schema.Initialize();
    }

    public bool IsReady => true;

    public async ValueTask<GatewayResult> ExecuteAsync(GatewayRequest request, CancellationToken cancellationToken)
    {
        if (request.IsGet && IsMutation(request.Query, request.OperationName))
        {
            return new GatewayResult(
                GatewayResultKind.MethodNotAllowed,
                """{"errors":[{"message":"Mutations cannot run over GET.","extensions":{"code":"METHOD_NOT_ALLOWED"}}]}"""u8.ToArray());
        }

        var result = await _executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = _schema,
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = ToInputs(request.Variables),
            Extensions = ToInputs(request.Extensions),
            CancellationToken = cancellationToken,
        }).ConfigureAwait(false);

        var body = Encoding.UTF8.GetBytes(_serializer.Serialize(result));
        return new GatewayResult(result.Executed ? GatewayResultKind.Executed : GatewayResultKind.RequestError, body);
    }

    private Inputs? ToInputs(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? _serializer.Deserialize<Inputs>(element.GetRawText()) : null;

    private static bool IsMutation(string? query, string? operationName)
    {
        GraphQLDocument document;
        try
        {
            document = GraphQLParser.Parser.Parse(query ?? string.Empty);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return false;
        }

        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLOperationDefinition operation
                && (operationName is null || operation.Name?.StringValue == operationName))
            {
                return operation.Operation == OperationType.Mutation;
            }
        }

        return false;
    }
}
