using System.Text.Json;
using FederatedGateway.Execution.PersistedDocuments;
using FederatedGateway.Registry.Publishing;
using FederatedGateway.Registry.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FederatedGateway.Registry.Http;

/// <summary>
/// A variant's trusted documents: <c>POST …/documents</c> registers a persisted query list (Apollo's format or an
/// <c>{"id": "document"}</c> map; publish scope) once every document runs on the current version (422 naming those
/// that do not, nothing added); <c>GET …/documents</c> returns them as Apollo's persisted query list (read scope), the
/// file gateways enforce. Checks validate every registered document against the proposed schema.
/// </summary>
internal sealed class DocumentEndpoints(SchemaRegistry registry, RegistryRequests requests, RegistrySettings settings)
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        var documents = settings.Path.TrimEnd('/') + "/graphs/{graph}/variants/{variant}/documents";
        endpoints.MapPost(documents, AddAsync);
        endpoints.MapGet(documents, ListAsync);
    }

    private async Task AddAsync(HttpContext context)
    {
        if (await requests.AuthorizeAsync(context, "publish") is not { } graph || await requests.ReadBodyAsync(context) is not { } body)
        {
            return;
        }

        IReadOnlyList<PersistedDocumentEntry> entries;
        try
        {
            using var json = JsonDocument.Parse(body, new JsonDocumentOptions { AllowDuplicateProperties = false });
            entries = PersistedDocumentManifest.ReadEntries(json.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            await RegistryRequests.Problem(context, StatusCodes.Status400BadRequest, "BAD_REQUEST", "The body is not a persisted query list: " + ex.Message);
            return;
        }

        if (entries.Count == 0)
        {
            await RegistryRequests.Problem(context, StatusCodes.Status400BadRequest, "BAD_REQUEST", "The persisted query list has no documents.");
            return;
        }

        var kept = (await registry.Store.DocumentsAsync(graph, context.RequestAborted)).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var added = entries.Count(e => !kept.Contains(e.Id));
        if (kept.Count + added > settings.MaxDocuments)
        {
            await RegistryRequests.Problem(context, StatusCodes.Status413PayloadTooLarge, "TOO_MANY_DOCUMENTS",
                $"{graph} would keep {kept.Count + added} trusted documents; it keeps at most {settings.MaxDocuments} (Registry:MaxDocuments).");
            return;
        }

        var who = RegistryRequests.Who(context, context.Request.Query["commit"], context.Request.Query["message"]);
        var outcome = await registry.AddDocumentsAsync(graph, [.. entries.Select(e => (e.Id, e.Name, e.Body))], who, context.RequestAborted);
        if (!outcome.Accepted && outcome.Problems.Count == 0)
        {
            await RegistryRequests.Problem(context, StatusCodes.Status404NotFound, "NOT_FOUND", outcome.Reason!);
            return;
        }
        context.Response.StatusCode = outcome.Accepted ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
        await context.Response.WriteAsJsonAsync(
            new
            {
                accepted = outcome.Accepted,
                added = outcome.Added,
                documents = entries.Count,
                reason = outcome.Reason,
                problems = outcome.Problems.Select(p => new { id = p.Id, name = p.Name, message = p.Message }),
            },
            RegistryRequests.Json,
            context.RequestAborted);
    }

    private async Task ListAsync(HttpContext context)
    {
        if (await requests.AuthorizeAsync(context, "read") is not { } graph)
        {
            return;
        }

        var documents = await registry.Store.DocumentsAsync(graph, context.RequestAborted);
        await context.Response.WriteAsJsonAsync(
            new
            {
                format = "apollo-persisted-query-manifest",
                version = 1,
                operations = documents.Select(d => new { id = d.Id, name = d.Name, body = d.Body }),
            },
            RegistryRequests.Json,
            context.RequestAborted);
    }
}
