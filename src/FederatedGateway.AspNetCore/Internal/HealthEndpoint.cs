using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Traffic;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.AspNetCore.Internal;

/// <summary>
/// <c>GET /health</c> (liveness: 200 while the process serves) and <c>GET /health/ready</c> (200 once a schema is
/// loaded and the gateway is not shedding load, else 503).
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
        return ResponseWriter.WriteBodyAsync(
            context.Response,
            ready && !overloaded ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
            MediaTypes.JsonUtf8,
            !ready ? Unavailable : overloaded ? Overloaded : Ok);
    }
}
