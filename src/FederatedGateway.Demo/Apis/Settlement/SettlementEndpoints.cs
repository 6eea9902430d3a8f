using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FederatedGateway.Demo.Apis.Settlement;

/// <summary>
/// The REST settlement service's routes, each named by its <c>operationId</c> in <c>schemas/openapi/settlement.json</c>,
/// and that document itself at <see cref="DocumentPath"/> (the file copied next to the assembly, served as it is).
/// </summary>
public static class SettlementEndpoints
{
    /// <summary>Where the service serves its OpenAPI document.</summary>
    public const string DocumentPath = "/openapi.json";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The OpenAPI document as copied next to the assembly (<c>schemas/openapi/settlement.json</c>).</summary>
    public static string DocumentFile => Path.Combine(AppContext.BaseDirectory, "openapi", "settlement.json");

    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/settlements", (string[] orderId) => Results.Json(SettlementLedger.FindAll(orderId), s_json))
            .WithName("listSettlements");
        routes.MapGet("/settlements/{orderId}", (string orderId) => SettlementLedger.Find(orderId) is { } settlement
                ? Results.Json(settlement, s_json)
                : Results.Problem(title: "No settlement", detail: $"Order {orderId} has no settlement.", statusCode: StatusCodes.Status404NotFound))
            .WithName("getSettlement");
        routes.MapGet("/counterparties", () => Results.Json(SettlementLedger.Counterparties, s_json))
            .WithName("listCounterparties");
        routes.MapGet("/counterparties/{id}", (string id) => SettlementLedger.FindCounterparty(id) is { } counterparty
                ? Results.Json(counterparty, s_json)
                : Results.Problem(title: "No counterparty", detail: $"No counterparty {id}.", statusCode: StatusCodes.Status404NotFound))
            .WithName("getCounterparty");
        routes.MapGet(DocumentPath, () => Results.File(DocumentFile, "application/json"));
    }
}
