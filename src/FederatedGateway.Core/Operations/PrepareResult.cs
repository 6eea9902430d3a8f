namespace FederatedGateway.Core.Operations;

/// <summary>A prepared operation with the request's coerced Boolean variables, or the errors that stopped it.</summary>
public sealed class PrepareResult
{
    private PrepareResult(PreparedOperation? operation, IReadOnlyDictionary<string, bool> booleans, IReadOnlyList<RequestError> errors)
    {
        Operation = operation;
        BooleanVariables = booleans;
        Errors = errors;
    }

    public static PrepareResult Success(PreparedOperation operation, IReadOnlyDictionary<string, bool> booleans) =>
        new(operation, booleans, Array.Empty<RequestError>());

    public static PrepareResult Failure(IReadOnlyList<RequestError> errors) =>
        new(null, new Dictionary<string, bool>(), errors);

    public static PrepareResult Failure(RequestError error) => Failure(new[] { error });

    public PreparedOperation? Operation { get; }

    /// <summary>Coerced Boolean variable values, for <c>@skip</c>/<c>@include</c> and condition nodes.</summary>
    public IReadOnlyDictionary<string, bool> BooleanVariables { get; }

    public IReadOnlyList<RequestError> Errors { get; }

    public bool IsSuccess => Operation is not null;
}
