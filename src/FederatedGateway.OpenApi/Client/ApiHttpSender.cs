using FederatedGateway.Execution.Transport;
using FederatedGateway.Execution.Transport.Resilience;
using FederatedGateway.OpenApi.Auth;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;

namespace FederatedGateway.OpenApi.Client;

/// <summary>
/// Sends one call of a REST or SOAP service through the subgraph's retry and circuit-breaker pipeline (the gateway's
/// traffic rules, as for GraphQL subgraphs): a read is sent again after a connection failure or a 502/503/504 while
/// the retry budget allows, a mutation never; each attempt is a new message, authenticated afresh. The answer is read
/// into a pooled buffer within the size limit; a call that fails is the field's error, never an exception.
/// </summary>
internal static partial class ApiHttpSender
{
    /// <summary>Sends the call and reads its answer, or gives the field's error.</summary>
    /// <param name="what">The call in messages (<c>GET /settlements/{id}</c>, a SOAP operation's name); never the host, which only the log gets.</param>
    public static async Task<ApiHttpResult> CallAsync(ApiCallContext context, Func<HttpRequestMessage> create, bool isRead, string what, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await SendAsync(context, create, isRead, cancellationToken).ConfigureAwait(false);
            var limit = context.MaxResponseBodySize;
            var (buffer, length) = response.Content.Headers.ContentLength > limit ? (null, -1)
                : await PooledBodyReader.ReadAsync(
                    await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), response.Content.Headers.ContentLength, limit, cancellationToken)
                    .ConfigureAwait(false);
            return buffer is null
                ? ApiHttpResult.Failed(ApiAnswer.Failed($"{what} answered more than {limit} bytes.", SubgraphFailureCodes.ResponseTooLarge))
                : new ApiHttpResult((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, buffer, length, null);
        }
        catch (SourceAuthenticationException ex)
        {
            // The token endpoint's address and the transport's reason go to the log only.
            LogAuthenticationFailed(context.Logger, context.Subgraph, what, ex.Message, ex.InnerException);
            return ApiHttpResult.Failed(ApiAnswer.Failed($"{what} was not called: {ex.Message}", SourceAuthenticationException.Code));
        }
        catch (BrokenCircuitException)
        {
            return ApiHttpResult.Failed(ApiAnswer.Failed($"{what} was not called: the service failed repeatedly and is given a rest.", ApiSubgraphClient.UnavailableCode));
        }
        catch (HttpRequestException ex)
        {
            // The exception names the host and port: the log gets it, the client the operation alone.
            LogUnreachable(context.Logger, context.Subgraph, what, ex);
            return ApiHttpResult.Failed(ApiAnswer.Failed($"{what} could not be called (see the gateway log).", ApiSubgraphClient.UnavailableCode));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ApiHttpResult.Failed(ApiAnswer.Failed($"{what} did not answer within {context.Http.Timeout.TotalSeconds:0.#} s.", ApiSubgraphClient.UnavailableCode));
        }
    }

    /// <summary>The request headers of a call: those forwarded to the subgraph, then the source's own (which win over forwarded ones of the same name).</summary>
    public static void AddHeaders(HttpRequestMessage request, IReadOnlyList<KeyValuePair<string, string>>? forwarded, IReadOnlyDictionary<string, string> own)
    {
        foreach (var (name, value) in forwarded ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        foreach (var (name, value) in own)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }

    /// <exception cref="SourceAuthenticationException">The source's credentials cannot be had.</exception>
    private static async Task<HttpResponseMessage> SendAsync(ApiCallContext context, Func<HttpRequestMessage> create, bool isRead, CancellationToken cancellationToken)
    {
        if (context.Resilience is null)
        {
            return await SendAttemptAsync(context, create, cancellationToken).ConfigureAwait(false);
        }

        var pipeline = context.Resilience.For(context.Subgraph);
        var resilience = ResilienceContextPool.Shared.Get(cancellationToken);
        resilience.Properties.Set(SubgraphResiliencePipelines.IdempotentKey, isRead);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static async (attempt, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await SendAttemptAsync(state.Context, state.Create, attempt.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                resilience,
                (Context: context, Create: create)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(resilience);
        }
    }

    private static async Task<HttpResponseMessage> SendAttemptAsync(ApiCallContext context, Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        using var request = create();
        if (context.Credentials is { } credentials)
        {
            await credentials.ApplyAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var response = await context.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            // A token the service no longer takes (revoked, rotated keys): the next call asks for a new one.
            context.Credentials?.Reject();
        }

        return response;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {What} of subgraph {Subgraph} not made: {Reason}")]
    private static partial void LogAuthenticationFailed(ILogger logger, string subgraph, string what, string reason, Exception? exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {What} of subgraph {Subgraph} failed")]
    private static partial void LogUnreachable(ILogger logger, string subgraph, string what, Exception exception);
}

/// <summary>A call's answer (status, media type, body in a pooled buffer the reader returns) or the field's error.</summary>
internal sealed record ApiHttpResult(int Status, string? MediaType, byte[]? Buffer, int Length, ApiAnswer? Failure)
{
    public static ApiHttpResult Failed(ApiAnswer failure) => new(0, null, null, 0, failure);
}
