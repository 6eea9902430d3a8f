namespace FederatedGateway.Core.Operations;

/// <summary>What preparing a document gave: an operation, or the errors that stopped it.</summary>
internal sealed record PreparedDocument(PreparedOperation? Operation, RequestError[]? Errors)
{
    public static PreparedDocument Fail(params RequestError[] errors) => new(null, errors);
}
