namespace FederatedGateway.Grpc.Translation;

/// <summary>The root type an RPC becomes a field of.</summary>
public enum RootKind
{
    Query,
    Mutation,
    Subscription,
}
