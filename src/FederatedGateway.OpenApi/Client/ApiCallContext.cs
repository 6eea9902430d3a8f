using FederatedGateway.Execution.Transport.Resilience;
using FederatedGateway.OpenApi.Auth;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.OpenApi.Client;

/// <summary>What a caller of one subgraph's service needs: where it answers and how calls reach it.</summary>
/// <param name="Subgraph">The subgraph's name (its retry budget and circuit breaker are its own).</param>
/// <param name="BaseUrl">The subgraph's URL (the supergraph's, or its override).</param>
/// <param name="Http">The client of this subgraph (its own when it has TLS settings).</param>
/// <param name="MaxResponseBodySize">The largest answer read, in bytes.</param>
/// <param name="Resilience">The gateway's retry and circuit-breaker pipelines; null sends each call once.</param>
/// <param name="Credentials">How calls authenticate beyond static headers (OAuth 2.0 client credentials); null for none.</param>
public sealed record ApiCallContext(
    string Subgraph,
    Uri BaseUrl,
    HttpClient Http,
    int MaxResponseBodySize,
    ILogger Logger,
    SubgraphResiliencePipelines? Resilience = null,
    SourceCredentials? Credentials = null);
