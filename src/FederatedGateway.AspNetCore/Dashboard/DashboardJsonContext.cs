using System.Text.Json;
using System.Text.Json.Serialization;

namespace FederatedGateway.AspNetCore.Dashboard;

/// <summary>The dashboard's JSON, generated at compile time (the web defaults: camelCase names).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DashboardReport))]
[JsonSerializable(typeof(DashboardRefusal))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;

/// <summary>Why the report was refused: <c>UNAUTHENTICATED</c> or <c>FORBIDDEN</c>.</summary>
internal sealed record DashboardRefusal(string Error);
