namespace FederatedGateway.Core.Composition;

/// <summary>A composition diagnostic with a stable code (Apollo's code where one exists).</summary>
/// <param name="Code">Stable code, e.g. <c>INVALID_FIELD_SHARING</c>.</param>
/// <param name="Message">What is wrong, naming the subgraph(s) and the element.</param>
/// <param name="Subgraph">The subgraph at fault, when one is.</param>
/// <param name="Element">The schema coordinate, e.g. <c>Product.price</c>.</param>
/// <param name="Line">1-based line in the subgraph SDL, when known.</param>
/// <param name="Column">1-based column in the subgraph SDL, when known.</param>
/// <param name="Hint">How to fix it.</param>
public sealed record CompositionError(
    string Code,
    string Message,
    string? Subgraph = null,
    string? Element = null,
    int? Line = null,
    int? Column = null,
    string? Hint = null)
{
    /// <summary>One readable line: <c>[subgraph] file:line:col CODE: message</c>, plus the hint.</summary>
    public override string ToString()
    {
        var where = Subgraph is null ? "" : $"[{Subgraph}] ";
        var at = Line is null ? "" : $"{Line}:{Column}: ";
        var hint = Hint is null ? "" : $"{System.Environment.NewLine}  hint: {Hint}";
        return $"{where}{at}{Code}: {Message}{hint}";
    }
}
