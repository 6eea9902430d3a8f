namespace FederatedGateway.Core.Operations;

/// <summary>Keeps at most <see cref="OperationLimits.MaxErrors"/> errors and says, in one more, that the rest were dropped.</summary>
public static class ErrorCap
{
    public const string Code = "TOO_MANY_ERRORS";

    /// <param name="maxErrors">0 keeps every error.</param>
    public static RequestError[] Apply(IReadOnlyList<RequestError> errors, int maxErrors)
    {
        if (maxErrors <= 0 || errors.Count <= maxErrors)
        {
            return errors as RequestError[] ?? errors.ToArray();
        }

        var kept = new RequestError[maxErrors + 1];
        for (var i = 0; i < maxErrors; i++)
        {
            kept[i] = errors[i];
        }

        kept[maxErrors] = Summary(maxErrors);
        return kept;
    }

    /// <summary>The error appended in place of those dropped.</summary>
    public static RequestError Summary(int maxErrors) => new(
        $"More errors were found; only the first {maxErrors} are reported (the limit {LimitError.Section}:{nameof(OperationLimits.MaxErrors)} is {maxErrors}).",
        Code,
        Array.Empty<(int, int)>(),
        new Dictionary<string, object?>(StringComparer.Ordinal) { ["limit"] = nameof(OperationLimits.MaxErrors), ["max"] = maxErrors });
}
