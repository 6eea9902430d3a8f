namespace FederatedGateway.Core.Cost;

/// <summary>The operation breaks a rule of the cost directives (e.g. <c>requireOneSlicingArgument</c>); the message says which.</summary>
public sealed class CostException : Exception
{
    public CostException(string message)
        : base(message)
    {
    }
}
