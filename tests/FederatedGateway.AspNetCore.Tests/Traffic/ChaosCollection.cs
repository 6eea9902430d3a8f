namespace FederatedGateway.AspNetCore.Tests.Traffic;

/// <summary>Tests that measure latency under load run alone, not beside other tests competing for the same cores.</summary>
[CollectionDefinition(nameof(ChaosCollection), DisableParallelization = true)]
public sealed class ChaosCollection;
