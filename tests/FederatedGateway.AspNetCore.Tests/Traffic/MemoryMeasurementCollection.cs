namespace FederatedGateway.AspNetCore.Tests.Traffic;

/// <summary>Tests that measure the process's heap run alone, so other tests' allocations do not count against them.</summary>
[CollectionDefinition(nameof(MemoryMeasurementCollection), DisableParallelization = true)]
public sealed class MemoryMeasurementCollection;
