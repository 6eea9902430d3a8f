namespace FederatedGateway.Grpc.Translation;

/// <summary>How the entities a batched lookup answers are paired with the keys it was asked for.</summary>
public enum LookupCorrespondence
{
    /// <summary>By the entities' key fields, in any order; keys left unanswered are not found.</summary>
    ByKey,

    /// <summary>The n-th entity answers the n-th key; the counts must agree.</summary>
    ByPosition,

    /// <summary>The response's map of entities, by the map's keys.</summary>
    ByMap,
}
