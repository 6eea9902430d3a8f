namespace FederatedGateway.Core.Operations;

/// <summary>The operation expands (through fragment spreads) to more than the gateway validates or plans.</summary>
public sealed class OperationTooLargeException : Exception
{
    public OperationTooLargeException(int limit)
        : base($"The operation expands to more than {limit} selections once its fragments are inlined.")
    {
    }

    public OperationTooLargeException(string message)
        : base(message)
    {
    }
}
