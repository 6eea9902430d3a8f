using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.Demo.Hosting;

/// <summary>
/// A minimal GraphQL-over-HTTP POST endpoint (JSON body: query, operationName, variables, extensions).
/// Answers <c>application/graphql-response+json</c> (400 for request errors) when the client accepts it,
/// otherwise <c>application/json</c> with status 200.
/// </summary>
internal static class GraphQLHttpEndpoint
{
    private const string GraphQLResponseMediaType = "application/graphql-response+json";
    private const string JsonMediaType = "application/json";

    public static async Task HandleAsync(HttpContext context)
    {
        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        var executer = context.RequestServices.GetRequiredService<IDocumentExecuter>();
        var cancellationToken = context.RequestAborted;
        var graphQLResponse = AcceptsGraphQLResponse(context.Request);

        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(context.Request.Body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            request = null;
        }

        if (request is null || string.IsNullOrWhiteSpace(request.Query))
        {
            var error = new ExecutionResult { Errors = [new ExecutionError("The request body must be a JSON object with a 'query' string.") { Code = "BAD_REQUEST" }] };
            await WriteAsync(context, serializer, error, StatusCodes.Status400BadRequest, graphQLResponse).ConfigureAwait(false);
            return;
        }

        var result = await executer.ExecuteAsync(options =>
        {
            options.Query = request.Query;
            options.OperationName = request.OperationName;
            options.Variables = request.Variables;
            options.Extensions = request.Extensions;
            options.RequestServices = context.RequestServices;
            options.UserContext = new DemoRequestContext { TraderId = DemoRequestContext.TraderIdOf(context.Request.Headers) };
            options.CancellationToken = cancellationToken;
        }).ConfigureAwait(false);

        var status = graphQLResponse && !result.Executed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        await WriteAsync(context, serializer, result, status, graphQLResponse).ConfigureAwait(false);
    }

    private static bool AcceptsGraphQLResponse(HttpRequest request)
    {
        foreach (var accept in request.Headers.Accept)
        {
            if (accept is not null && accept.Contains(GraphQLResponseMediaType, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }

    private static async Task WriteAsync(HttpContext context, IGraphQLTextSerializer serializer, ExecutionResult result, int status, bool graphQLResponse)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = (graphQLResponse ? GraphQLResponseMediaType : JsonMediaType) + "; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted).ConfigureAwait(false);
    }
}
