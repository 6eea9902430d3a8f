namespace FederatedGateway.Core.Operations;

public enum OperationKind
{
    Query,
    Mutation,
    Subscription,
}
