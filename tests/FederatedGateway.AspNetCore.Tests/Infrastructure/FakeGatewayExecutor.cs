using System.Text;
using System.Text.Json;
using FederatedGateway.Execution.Requests;

namespace FederatedGateway.AspNetCore.Tests.Infrastructure;

/// <summary>
/// An <see cref="IGatewayExecutor"/> that answers with whatever <see cref="Handler"/> returns and remembers the
/// last request (with its variables and extensions copied out as raw JSON, since the request's buffers are pooled).
/// </summary>
public sealed class FakeGatewayExecutor : IGatewayExecutor
{
    public static readonly string DefaultBody = """{"data":{"__typename":"Query"}}""";

    public bool IsReady { get; set; } = true;

    public Func<GatewayRequest, GatewayResult> Handler { get; set; } =
        _ => new GatewayResult(GatewayResultKind.Executed, Encoding.UTF8.GetBytes(DefaultBody));

    public RecordedRequest? LastRequest { get; private set; }

    public int Calls { get; private set; }

    /// <summary>Back to a ready executor answering <see cref="DefaultBody"/>, with nothing recorded.</summary>
    public void Reset()
    {
        IsReady = true;
        Handler = _ => new GatewayResult(GatewayResultKind.Executed, Encoding.UTF8.GetBytes(DefaultBody));
        LastRequest = null;
        Calls = 0;
    }

    public ValueTask<GatewayResult> ExecuteAsync(GatewayRequest request, CancellationToken cancellationToken)
    {
        Calls++;
        LastRequest = new RecordedRequest(
            request.Query,
            request.OperationName,
            Raw(request.Variables),
            Raw(request.Extensions),
            request.IsGet,
            request.ForwardHeaders?.ToArray() ?? []);
        return ValueTask.FromResult(Handler(request));
    }

    public static GatewayResult Result(GatewayResultKind kind, string body) => new(kind, Encoding.UTF8.GetBytes(body));

    private static string? Raw(JsonElement element) =>
        element.ValueKind == JsonValueKind.Undefined ? null : element.GetRawText();

    public sealed record RecordedRequest(
        string? Query,
        string? OperationName,
        string? Variables,
        string? Extensions,
        bool IsGet,
        KeyValuePair<string, string>[] ForwardHeaders);
}
