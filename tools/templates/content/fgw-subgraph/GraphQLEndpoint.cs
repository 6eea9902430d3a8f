using GraphQL;
using GraphQL.Transport;

namespace FgwSubgraph;

/// <summary>POST /graphql with a JSON body (query, operationName, variables, extensions): what a federation gateway sends.</summary>
internal static class GraphQLEndpoint
{
    public static async Task HandleAsync(HttpContext context, IDocumentExecuter executer, IGraphQLTextSerializer serializer)
    {
        GraphQLRequest? request = null;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(context.Request.Body, context.RequestAborted);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            // Answered below as a request without a query.
        }

        var result = request is { Query.Length: > 0 }
            ? await executer.ExecuteAsync(options =>
            {
                options.Query = request.Query;
                options.OperationName = request.OperationName;
                options.Variables = request.Variables;
                options.Extensions = request.Extensions;
                options.RequestServices = context.RequestServices;
                options.CancellationToken = context.RequestAborted;
            })
            : new ExecutionResult { Errors = [new ExecutionError("The body must be a JSON object with a \"query\" string.")] };

        context.Response.StatusCode = result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        context.Response.ContentType = "application/json; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }
}
