namespace FederatedGateway.FunctionalTests.Hostile.Runtime;

/// <summary>
/// The runtime attack tests run alone: nine 70 MB answers take both cores and 1.3 GB for a while, and tests with a
/// 1 s subgraph timeout running beside them saw the demo subgraphs answer late.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RuntimeAttackCollection
{
    public const string Name = "Runtime attacks (alone)";
}
