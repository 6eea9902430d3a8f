using System.Text.Json;
using FederatedGateway.Core.Operations;

namespace FederatedGateway.Execution.Execution;

/// <summary>What <see cref="OperationExecutor"/> needs of one request: the prepared operation and the request's values and policy.</summary>
public readonly record struct ExecutionInput
{
    public required PreparedOperation Operation { get; init; }

    /// <summary>The request's variables (a JSON object, or undefined for none).</summary>
    public JsonElement Variables { get; init; }

    /// <summary>The Boolean variables, coerced, that <c>@skip</c>/<c>@include</c> conditions read.</summary>
    public required IReadOnlyDictionary<string, bool> Booleans { get; init; }

    /// <summary>The introspection root fields as a UTF-8 JSON object, when the operation has any.</summary>
    public ReadOnlyMemory<byte> Introspection { get; init; }

    /// <summary>Headers forwarded to the subgraphs.</summary>
    public Headers.SubgraphHeaders? Headers { get; init; }

    /// <summary>Return the plan in <c>extensions.queryPlan</c> (<c>text</c>: printed, <c>object</c>: its JSON form).</summary>
    public bool IncludeQueryPlan { get; init; }

    /// <summary>What the client sees of subgraph errors; all of them, unlogged, when null.</summary>
    public SubgraphErrorPolicy? ErrorPolicy { get; init; }

    /// <summary>The caller's token: when it fires, execution stops and throws.</summary>
    public CancellationToken Aborted { get; init; }

    /// <summary>
    /// Optional, linked to <see cref="Aborted"/>: when it alone fires, what is not fetched yet is null with a
    /// <c>REQUEST_TIMEOUT</c> error and the response is written with the data fetched so far.
    /// </summary>
    public CancellationToken Deadline { get; init; }

    /// <summary>The token fetches run on.</summary>
    internal CancellationToken FetchToken => Deadline.CanBeCanceled ? Deadline : Aborted;
}
