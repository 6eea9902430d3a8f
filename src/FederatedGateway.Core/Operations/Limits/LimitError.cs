namespace FederatedGateway.Core.Operations;

/// <summary>The <c>OPERATION_LIMIT_EXCEEDED</c> error: names the setting and its value, in the message and in extensions.</summary>
public static class LimitError
{
    public const string Code = "OPERATION_LIMIT_EXCEEDED";

    /// <summary>The configuration section the limits are bound from, used in messages.</summary>
    public const string Section = "Gateway:Limits";

    /// <param name="setting">The setting's name, e.g. <c>MaxAliases</c>.</param>
    /// <param name="max">The configured value.</param>
    /// <param name="found">What the document has, e.g. <c>The operation has 2001 aliases</c>.</param>
    public static RequestError Create(string setting, int max, string found) => new(
        $"{found}; the limit ({Section}:{setting}) is {max}.",
        Code,
        Array.Empty<(int, int)>(),
        new Dictionary<string, object?>(StringComparer.Ordinal) { ["limit"] = setting, ["max"] = max });
}
