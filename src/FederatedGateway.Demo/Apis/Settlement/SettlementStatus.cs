namespace FederatedGateway.Demo.Apis.Settlement;

/// <summary>Where a trade's settlement stands; written in JSON as <c>pending</c>, <c>settled</c>, <c>failed</c>.</summary>
internal enum SettlementStatus
{
    Pending,
    Settled,
    Failed,
}
