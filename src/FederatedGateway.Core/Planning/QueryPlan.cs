using FederatedGateway.Core.Planning.Nodes;

namespace FederatedGateway.Core.Planning;

/// <summary>An immutable plan for one operation; <see cref="Root"/> is null when nothing needs fetching.</summary>
public sealed class QueryPlan
{
    public QueryPlan(PlanNode? root)
    {
        Root = root;
    }

    private string? _printed;
    private byte[]? _json;

    public PlanNode? Root { get; }

    /// <summary>The printed plan (computed once).</summary>
    public string Printed => _printed ??= QueryPlanPrinter.Print(this);

    /// <summary>The plan as compact UTF-8 JSON (<see cref="QueryPlanJson"/>, computed once).</summary>
    public ReadOnlyMemory<byte> Json => _json ??= QueryPlanJson.ToUtf8(this, QueryPlanJson.CompactOptions);

    public override string ToString() => Printed;
}
