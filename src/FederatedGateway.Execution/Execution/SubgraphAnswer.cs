using System.Text.Json;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// A subgraph's GraphQL response as read by <see cref="AnswerReader"/>: its <c>data</c> converted into a result
/// tree whose leaves point into the response buffer, and its <c>errors</c> parsed on their own (errors are rare and
/// read field by field, so a <see cref="JsonDocument"/> serves them).
/// </summary>
internal sealed class SubgraphAnswer
{
    /// <summary>False when the response is JSON but not an object.</summary>
    public bool IsObject { get; init; }

    /// <summary>The response has a <c>data</c> member (of any value).</summary>
    public bool HasData { get; init; }

    /// <summary>The response has an <c>errors</c> member (of any value).</summary>
    public bool HasErrors { get; init; }

    /// <summary>
    /// <c>data</c> when it is an object; null otherwise. Owned by whoever merges it, unless <see cref="IsShared"/>.
    /// </summary>
    public ResultObject? Data { get; init; }

    /// <summary>
    /// The answer of a de-duplicated fetch, read once for all its callers: merges copy its objects and lists (leaves
    /// are shared) and nothing changes it.
    /// </summary>
    public bool IsShared { get; init; }

    /// <summary>The parsed <c>errors</c> array; null when there is none (or it is not an array).</summary>
    public JsonDocument? ErrorsDocument { get; init; }

    /// <summary>The <c>errors</c> array, or a default element.</summary>
    public JsonElement Errors => ErrorsDocument?.RootElement ?? default;
}
