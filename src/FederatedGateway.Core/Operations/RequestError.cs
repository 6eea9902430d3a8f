namespace FederatedGateway.Core.Operations;

/// <summary>An error that stops a request before execution (parse, validation, variables, planning, limits).</summary>
/// <param name="Extensions">Written into <c>extensions</c> beside <c>code</c> (string, number or Boolean values).</param>
public sealed record RequestError(
    string Message,
    string Code,
    IReadOnlyList<(int Line, int Column)> Locations,
    IReadOnlyDictionary<string, object?>? Extensions = null)
{
    public static RequestError Of(string message, string code) => new(message, code, Array.Empty<(int, int)>());
}
