using System.Text.Json.Nodes;

namespace FederatedGateway.Testing.Generation;

/// <summary>A generated query and the variable values it needs (all Boolean, for <c>@skip</c>/<c>@include</c>).</summary>
public sealed record GeneratedOperation(string Query, JsonObject Variables)
{
    public override string ToString() => Query + "\nvariables: " + Variables.ToJsonString();
}
