namespace FederatedGateway.Core.Operations;

/// <summary>An error that stops a request before execution (parse, validation, variables, planning).</summary>
public sealed record RequestError(string Message, string Code, IReadOnlyList<(int Line, int Column)> Locations)
{
    public static RequestError Of(string message, string code) => new(message, code, Array.Empty<(int, int)>());
}
