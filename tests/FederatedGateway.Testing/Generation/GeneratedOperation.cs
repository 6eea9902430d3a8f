using System.Text.Json.Nodes;

namespace FederatedGateway.Testing.Generation;

/// <summary>A generated query and the variable values it needs (Boolean conditions of <c>@skip</c>/<c>@include</c>, argument values, explicit nulls; omitted ones are absent).</summary>
public sealed record GeneratedOperation(string Query, JsonObject Variables)
{
    public override string ToString() => Query + "\nvariables: " + Variables.ToJsonString();
}
