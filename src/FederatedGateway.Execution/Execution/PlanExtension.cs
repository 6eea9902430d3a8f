using FederatedGateway.Core.Planning;

namespace FederatedGateway.Execution.Execution;

/// <summary>What a response that asked for its query plan carries in <c>extensions.queryPlan</c>.</summary>
/// <param name="Timings">When the request's fetches ran; null when they were not recorded.</param>
internal sealed record PlanExtension(QueryPlan Plan, FetchTimings? Timings);
