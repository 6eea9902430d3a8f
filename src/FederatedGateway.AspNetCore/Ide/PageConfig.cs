using System.Text.Json.Serialization;

namespace FederatedGateway.AspNetCore.Ide;

/// <summary>The settings the IDE page reads at start (IdeApp/src/config.js).</summary>
internal sealed record PageConfig(
    [property: JsonPropertyName("endpoint")] string Endpoint,
    [property: JsonPropertyName("assets")] string Assets,
    [property: JsonPropertyName("queryPlan")] bool? QueryPlan);

[JsonSerializable(typeof(PageConfig))]
internal sealed partial class PageConfigContext : JsonSerializerContext;
