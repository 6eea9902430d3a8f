using System.Buffers;
using System.Runtime.CompilerServices;
using FederatedGateway.AspNetCore.Authentication;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Grpc.Transcoding;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Transcoding;

/// <summary>
/// Answers the gRPC sources' JSON/HTTP routes: matches the method and path, builds the RPC's request from the path,
/// query and body, calls it, and answers its JSON (or its status as <c>{code, message, details}</c> with the HTTP
/// status the gRPC code maps to). Errors of the request itself are 400, an unknown path 404, a known path with
/// another method 405.
/// </summary>
internal sealed class TranscodingEndpoint(TranscodingSettings settings, IGatewayExecutor executor, EndpointAccess access, IReadOnlyList<string> forwardedHeaders, ILogger logger)
{
    private readonly ConditionalWeakTable<GatewaySnapshot, Task<TranscodingRouteTable>> _tables = new();

    public string OpenApiPath => settings.OpenApiPath;

    public async Task HandleAsync(HttpContext context)
    {
        if (await access.RefusalAsync(context).ConfigureAwait(false) is { } refusal)
        {
            var unauthenticated = refusal == StatusCodes.Status401Unauthorized;
            await WriteStatusAsync(context, refusal, unauthenticated ? 16 : 7, unauthenticated ? "Authentication is required." : "Not allowed.").ConfigureAwait(false);
            return;
        }

        if (await TableAsync(context.RequestAborted).ConfigureAwait(false) is not { } table)
        {
            await WriteStatusAsync(context, StatusCodes.Status503ServiceUnavailable, 14, "The gateway has no schema loaded yet.").ConfigureAwait(false);
            return;
        }

        var request = context.Request;
        var (target, values, pathKnown) = table.Match(request.Method, request.Path.Value ?? "/");
        if (target is null)
        {
            await (pathKnown
                ? WriteStatusAsync(context, StatusCodes.Status405MethodNotAllowed, 12, $"{request.Method} is not a method of this route.")
                : WriteStatusAsync(context, StatusCodes.Status404NotFound, 5, "No route matches this path.")).ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            await WriteStatusAsync(context, StatusCodes.Status413PayloadTooLarge, 3, $"The body is larger than {settings.MaxBodyBytes} bytes.").ConfigureAwait(false);
            return;
        }

        byte[] message;
        try
        {
            var query = request.Query.Select(q => new KeyValuePair<string, string[]>(q.Key, q.Value.Where(v => v is not null).Select(v => v!).ToArray()));
            message = TranscodedRequest.Encode(target.Route, values!, query, body.Value, target.Schema);
        }
        catch (TranscodingException ex)
        {
            await WriteStatusAsync(context, ex.HttpStatus, 3, ex.Message).ConfigureAwait(false);
            return;
        }

        var (status, json) = await target.Client.TranscodeAsync(target.Route, target.Schema, target.Url, message, ForwardedHeaders(request), context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
    }

    public async Task WriteOpenApiAsync(HttpContext context)
    {
        if (await access.RefusalAsync(context).ConfigureAwait(false) is { } refusal)
        {
            context.Response.StatusCode = refusal;
            return;
        }

        if (await TableAsync(context.RequestAborted).ConfigureAwait(false) is not { } table)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(await table.OpenApiAsync().ConfigureAwait(false), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The current snapshot's routes; null while no schema is loaded.</summary>
    private Task<TranscodingRouteTable?> TableAsync(CancellationToken cancellationToken)
    {
        if ((executor as FederatedGatewayExecutor)?.Snapshot is not { } snapshot)
        {
            return Task.FromResult<TranscodingRouteTable?>(null);
        }

        // Built once per snapshot (a reload makes a new one); a build that failed is tried again next time.
        var table = _tables.GetValue(snapshot, s => TranscodingRouteTable.BuildAsync(s, logger, CancellationToken.None));
        if (table.IsFaulted || table.IsCanceled)
        {
            _tables.Remove(snapshot);
        }

        return WaitAsync(table, cancellationToken);
    }

    private static async Task<TranscodingRouteTable?> WaitAsync(Task<TranscodingRouteTable> table, CancellationToken cancellationToken) =>
        await table.WaitAsync(cancellationToken).ConfigureAwait(false);

    private List<KeyValuePair<string, string>> ForwardedHeaders(HttpRequest request)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var name in forwardedHeaders)
        {
            if (request.Headers.TryGetValue(name, out var values))
            {
                headers.AddRange(values.Where(v => v is not null).Select(v => new KeyValuePair<string, string>(name.ToLowerInvariant(), v!)));
            }
        }

        return headers;
    }

    /// <summary>The body, or null when it is over the limit (read no further than that).</summary>
    private async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > settings.MaxBodyBytes)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        var stream = context.Request.Body;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.GetMemory(4096), context.RequestAborted).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > settings.MaxBodyBytes)
            {
                return null;
            }
        }
    }

    private static Task WriteStatusAsync(HttpContext context, int httpStatus, int grpcCode, string message)
    {
        context.Response.StatusCode = httpStatus;
        return context.Response.WriteAsJsonAsync(new TranscodingStatus(grpcCode, message, []), TranscodingJsonContext.Default.TranscodingStatus, cancellationToken: context.RequestAborted);
    }
}
