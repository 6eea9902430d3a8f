using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Transport.Replicas;
using FederatedGateway.Execution.Traffic;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.AspNetCore.Internal;

/// <summary>
/// <c>GET /health</c> (liveness: 200 while the process serves) and <c>GET /health/ready</c> (200 once a schema is
/// loaded and the gateway is not shedding load, else 503). When subgraphs have replicas, readiness also says how many
/// of each subgraph's replicas are in rotation (<c>"replicas":{"name":{"inRotation":1,"total":2}}</c>), without their
/// addresses; a subgraph with none in rotation does not make the gateway unready (its other subgraphs still answer).
/// A gateway following a schema registry says which version it serves (<c>"supergraph":{"version":12,"hash":"…"}</c>).
/// </summary>
internal static class HealthEndpoint
{
    private static readonly byte[] Ok = """{"status":"ok"}"""u8.ToArray();
    private static readonly byte[] Unavailable = """{"status":"unavailable"}"""u8.ToArray();
    private static readonly byte[] Overloaded = """{"status":"overloaded"}"""u8.ToArray();

    public static Task LiveAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        return ResponseWriter.WriteBodyAsync(context.Response, StatusCodes.Status200OK, MediaTypes.JsonUtf8, Ok);
    }

    public static Task ReadyAsync(HttpContext context)
    {
        var ready = context.RequestServices.GetRequiredService<IGatewayExecutor>().IsReady;
        var overloaded = context.RequestServices.GetService<LoadSheddingStage>()?.IsOverloaded == true;
        context.Response.Headers.CacheControl = "no-store";
        var status = !ready ? Unavailable : overloaded ? Overloaded : Ok;
        var replicas = context.RequestServices.GetService<ReplicaRegistry>() is { IsEmpty: false } set ? set : null;
        var served = context.RequestServices.GetService<Loading.RegistryFollower>()?.Served;
        if (replicas is not null || served is not null)
        {
            status = Detailed(!ready ? "unavailable" : overloaded ? "overloaded" : "ok", replicas, served);
        }

        return ResponseWriter.WriteBodyAsync(
            context.Response,
            ready && !overloaded ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
            MediaTypes.JsonUtf8,
            status);
    }

    /// <param name="served">The registry version served (0 when it came from the disk copy), when the gateway follows a registry.</param>
    private static byte[] Detailed(string status, ReplicaRegistry? replicas, (int Version, string Hash)? served)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", status);
            if (served is { } version)
            {
                json.WriteStartObject("supergraph");
                json.WriteNumber("version", version.Version);
                json.WriteString("hash", version.Hash);
                json.WriteEndObject();
            }

            if (replicas is not null)
            {
                json.WriteStartObject("replicas");
                var now = Stopwatch.GetTimestamp();
                foreach (var set in replicas.Sets)
                {
                    json.WriteStartObject(set.Subgraph);
                    json.WriteNumber("inRotation", set.Replicas.Count(replica => replica.IsInRotation(now)));
                    json.WriteNumber("total", set.Replicas.Count);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
