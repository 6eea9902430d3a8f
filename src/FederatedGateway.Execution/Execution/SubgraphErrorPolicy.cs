using System.Text.Json;
using FederatedGateway.Execution.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// What a client sees of the errors subgraphs answer. Exposed: the subgraph's message and extensions as they came.
/// Masked: <see cref="HiddenMessage"/>, and extensions reduced to <c>code</c> (the subgraph's own string code, else
/// <see cref="MaskedCode"/>), <c>serviceName</c> and the allowed keys; the subgraph's errors go to the log instead.
/// Either way, what the gateway keeps from the client about a failed transport (hosts, ports, exception text) is
/// logged here. Paths stay as they are.
/// </summary>
public sealed class SubgraphErrorPolicy
{
    /// <summary>The message of every masked subgraph error.</summary>
    public const string HiddenMessage = "Subgraph errors are hidden; see the gateway log.";

    /// <summary>The code of a masked subgraph error whose subgraph gave no string code.</summary>
    public const string MaskedCode = "SUBGRAPH_ERROR";

    /// <summary>How much of a masked answer's <c>errors</c> one log entry holds.</summary>
    public const int MaxLoggedErrorsLength = 16 * 1024;

    private readonly HashSet<string> _allowedExtensions;

    /// <param name="expose">Pass subgraph errors through as they came (development).</param>
    /// <param name="allowedExtensions">Extension keys a masked error keeps (top-level keys, matched exactly).</param>
    /// <param name="logger">Where masked errors and transport failure details go; nowhere when null.</param>
    public SubgraphErrorPolicy(bool expose, IEnumerable<string>? allowedExtensions = null, ILogger? logger = null)
    {
        Expose = expose;
        _allowedExtensions = new HashSet<string>(allowedExtensions ?? [], StringComparer.Ordinal);
        Logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Subgraph errors pass through unchanged and nothing is logged: the executor's default outside a host.</summary>
    public static SubgraphErrorPolicy ExposeAll { get; } = new(expose: true);

    public bool Expose { get; }

    /// <summary>Extension keys a masked error keeps besides <c>code</c> and <c>serviceName</c>.</summary>
    public IReadOnlySet<string> AllowedExtensions => _allowedExtensions;

    internal ILogger Logger { get; }

    /// <summary>Holds back repeated failure warnings: one per subgraph and code every 10 s (see <see cref="Telemetry.FetchTelemetry"/>).</summary>
    internal Telemetry.LogThrottle FailureWarnings { get; } = new(TimeSpan.FromSeconds(10));

    /// <summary>The client's error for one entry of a subgraph's <c>errors</c> (see <see cref="LogHidden"/> for the rest).</summary>
    internal GatewayError FromSubgraph(JsonElement error, object[]? path, string serviceName)
    {
        var extensions = error.TryGetProperty("extensions", out var e) && e.ValueKind == JsonValueKind.Object ? e : default;
        if (Expose)
        {
            var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "Subgraph error";
            return new GatewayError(message, path, SubgraphErrors.DownstreamServiceError, serviceName, extensions);
        }

        var code = extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String
            ? c.GetString()!
            : MaskedCode;
        return new GatewayError(HiddenMessage, path, code, serviceName, extensions, _allowedExtensions);
    }

    /// <summary>
    /// When masking, logs a subgraph answer's <c>errors</c> array once (one entry per answer, not per error: a list
    /// of ten thousand failed items is one line), cut at <see cref="MaxLoggedErrorsLength"/> characters.
    /// </summary>
    internal void LogHidden(string serviceName, JsonElement errors)
    {
        if (Expose || errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0 || !Logger.IsEnabled(LogLevel.Warning))
        {
            return;
        }

        var text = errors.GetRawText();
        if (text.Length > MaxLoggedErrorsLength)
        {
            text = string.Concat(text.AsSpan(0, MaxLoggedErrorsLength), $"… ({text.Length - MaxLoggedErrorsLength} more characters)");
        }

        ExecutionLog.SubgraphErrorsHidden(Logger, serviceName, errors.GetArrayLength(), text);
    }

    /// <summary>Logs what a failed fetch's client message leaves out (the transport's own words, hosts and ports).</summary>
    internal void LogFailure(string serviceName, SubgraphResponse response) =>
        ExecutionLog.FetchFailed(Logger, serviceName, response.Failure, response.FailureCode, response.FailureCause);

    /// <summary>Logs a subgraph client that threw instead of reporting a failure (a bug in that client).</summary>
    internal void LogClientException(string serviceName, Exception exception) =>
        ExecutionLog.ClientThrew(Logger, serviceName, exception);
}
