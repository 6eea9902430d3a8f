using System.Buffers;
using System.Text.Json;
using FederatedGateway.Grpc.Codec;
using FederatedGateway.Grpc.Transcoding;
using FederatedGateway.Grpc.Translation;
using Grpc.Core;

namespace FederatedGateway.Grpc.Client;

/// <summary>The client's JSON/HTTP side: an RPC called for a transcoded route, its answer (or status) as JSON.</summary>
public sealed partial class GrpcSubgraphClient
{
    /// <summary>The subgraph's translated schema (the one fetches use).</summary>
    public ValueTask<GrpcSchema> GetSchemaAsync(string subgraph, string url, CancellationToken cancellationToken) =>
        _schemas.GetSchemaAsync(subgraph, url, cancellationToken);

    /// <summary>
    /// Calls <paramref name="route"/>'s RPC with an encoded request and answers its response as proto3-style JSON
    /// (field names lowerCamel, 64-bit integers as strings) with 200, or its status as <c>{code, message, details}</c>
    /// with the HTTP status the gRPC code maps to.
    /// </summary>
    public async Task<(int Status, byte[] Json)> TranscodeAsync(
        HttpRoute route, GrpcSchema schema, string url, byte[] request, IReadOnlyList<KeyValuePair<string, string>>? headers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        var rpc = route.Rpc;
        var channels = _channels.GetPair(url, route.Subgraph);
        // Only a GET is safe to retry: any other method may change state, whatever the RPC's kind in the graph.
        var invoker = route.HttpMethod == "GET" && rpc.Kind != RootKind.Mutation ? channels.ReadInvoker : channels.WriteInvoker;
        byte[] response;
        try
        {
            using var call = invoker.AsyncUnaryCall(MethodOf(rpc), null, new CallOptions(ToMetadata(headers), DateTime.UtcNow + _options.Timeout, cancellationToken), request);
            response = await call.ResponseAsync.ConfigureAwait(false);
        }
        catch (RpcException ex) when (!(ex.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested))
        {
            GrpcClientLog.CallFailed(Logger, rpc.FullMethod, route.Subgraph, url, ex);
            return (GrpcHttpStatus.Of(ex.StatusCode), Json(w => WriteStatus(w, ex)));
        }

        try
        {
            var context = new ProtoJsonContext(schema, default);
            return (200, Json(w => WriteAnswer(w, rpc, route.ResponseBody, response, context)));
        }
        catch (ProtoCodecException ex)
        {
            return (502, Json(w => WriteStatus(w, (int)StatusCode.Internal, ex.Message, null)));
        }
    }

    private static void WriteAnswer(Utf8JsonWriter json, RpcBinding rpc, string responseBody, byte[] response, ProtoJsonContext context)
    {
        if (responseBody.Length > 0 && rpc.Response.Fields.FirstOrDefault(f => f.ProtoName == responseBody) is { } field)
        {
            ProtoJsonWriter.WriteField(json, response, field, null, context);
            return;
        }

        ProtoJsonWriter.WriteAllFields(json, rpc.Response, response, context);
    }

    private static void WriteStatus(Utf8JsonWriter json, RpcException ex)
    {
        // A status made here (no connection) keeps its text, which names hosts, for the log.
        var message = ex.Status.DebugException is not null ? $"{GrpcStatusCodes.Name(ex.StatusCode)} (the call did not complete; see the gateway log)" : ex.Status.Detail;
        WriteStatus(json, (int)ex.StatusCode, message, GrpcStatusDetails.ToJson(ex));
    }

    private static void WriteStatus(Utf8JsonWriter json, int code, string message, string? details)
    {
        json.WriteStartObject();
        json.WriteNumber("code", code);
        json.WriteString("message", message);
        json.WritePropertyName("details");
        if (details is null)
        {
            json.WriteStartArray();
            json.WriteEndArray();
        }
        else
        {
            json.WriteRawValue(details);
        }

        json.WriteEndObject();
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
