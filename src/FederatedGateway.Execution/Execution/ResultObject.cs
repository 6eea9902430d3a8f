namespace FederatedGateway.Execution.Execution;

/// <summary>
/// An object of the merged result: response name to value, where a value is a <see cref="ResultObject"/>,
/// a <see cref="List{T}"/> of values, a leaf <see cref="System.Text.Json.JsonElement"/> borrowed from a
/// subgraph's parsed answer, or null.
/// </summary>
internal sealed class ResultObject : Dictionary<string, object?>
{
    public ResultObject()
        : base(StringComparer.Ordinal)
    {
    }

    public string? Typename =>
        TryGetValue("__typename", out var value) && value is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } e
            ? e.GetString()
            : null;
}
