namespace FederatedGateway.Demo.Apis.Fx;

/// <summary>A request the FX service answers with a SOAP 1.2 fault: <c>env:Sender</c> (HTTP 400) for the caller's mistakes.</summary>
internal sealed class FxFaultException(string code, string reason) : Exception(reason)
{
    /// <summary>The fault code's value, e.g. <c>env:Sender</c>.</summary>
    public string Code { get; } = code;

    public static FxFaultException Sender(string reason) => new("env:Sender", reason);
}
