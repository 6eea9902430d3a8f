using System.Text.Json.Nodes;

namespace FederatedGateway.DifferentialTests.Monolith;

/// <summary>
/// An object the monolith hands to its resolvers: its concrete type and the fields one subgraph answered for it
/// (keyed by <see cref="Testing.Generation.ApiModel.StorageKey"/>). Other fields are fetched on demand.
/// </summary>
public sealed class MonolithObject
{
    public MonolithObject(string typeName, JsonObject fields)
    {
        TypeName = typeName;
        Fields = fields;
    }

    public string TypeName { get; }

    public JsonObject Fields { get; }

    public override string ToString() => TypeName + " " + Fields.ToJsonString();
}
