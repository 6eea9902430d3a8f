using System.Globalization;
using System.Text.Json;
using FederatedGateway.Registry.Publishing;
using FederatedGateway.Registry.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FederatedGateway.Registry.Http;

/// <summary>
/// The registry's HTTP API (JSON, under <see cref="RegistrySettings.Path"/>; see docs/registry.md). Every route needs
/// a token with the right scope: 401 without one, 403 with one that does not allow it.
/// </summary>
internal sealed class RegistryEndpoints(SchemaRegistry registry, RegistryRequests requests, RegistrySettings settings)
{
    private const int MaxWaitSeconds = 60;
    private static readonly JsonSerializerOptions Json = RegistryRequests.Json;

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(settings.Path.TrimEnd('/') + "/graphs", VariantsAsync);
        var variant = settings.Path.TrimEnd('/') + "/graphs/{graph}/variants/{variant}";
        endpoints.MapGet(variant + "/supergraph", SupergraphAsync);
        endpoints.MapGet(variant + "/versions", HistoryAsync);
        endpoints.MapGet(variant + "/versions/{version:int}", VersionAsync);
        endpoints.MapGet(variant + "/versions/{version:int}/changes", VersionChangesAsync);
        endpoints.MapGet(variant + "/checks", ChecksAsync);
        endpoints.MapPost(variant + "/subgraphs/{name}", PublishAsync);
        endpoints.MapPost(variant + "/subgraphs/{name}/check", CheckAsync);
        endpoints.MapGet(variant + "/checks/{id}", StoredCheckAsync);
        endpoints.MapDelete(variant + "/subgraphs/{name}", DeleteAsync);
        endpoints.MapPost(variant + "/rollback", RollbackAsync);
        endpoints.MapGet(variant + "/audit", AuditAsync);
    }

    /// <summary>The current supergraph (text), its hash as ETag; with <c>If-None-Match</c> and <c>?wait=N</c> waits up to N s for another (long poll), else 304.</summary>
    private async Task SupergraphAsync(HttpContext context)
    {
        if (await requests.AuthorizeAsync(context, "read") is not { } graph)
        {
            return;
        }

        var known = context.Request.Headers.IfNoneMatch.ToString().Trim('"', ' ');
        var wait = int.TryParse(context.Request.Query["wait"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? Math.Min(seconds, MaxWaitSeconds) : 0;
        var current = wait > 0 && known.Length > 0
            ? await registry.WaitForChangeAsync(graph, known, TimeSpan.FromSeconds(wait), context.RequestAborted)
            : await registry.CurrentAsync(graph, context.RequestAborted);
        if (current is null)
        {
            await RegistryRequests.Problem(context, StatusCodes.Status404NotFound, "NOT_FOUND", $"Nothing was published to {graph} yet.");
            return;
        }

        context.Response.Headers.ETag = $"\"{current.Hash}\"";
        context.Response.Headers["X-Fgw-Version"] = current.Version.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-cache";
        if (current.Hash == known)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(current.SupergraphSdl, context.RequestAborted);
    }

    private async Task HistoryAsync(HttpContext context)
    {
        if (await requests.AuthorizeAsync(context, "read") is not { } graph)
        {
            return;
        }

        var limit = int.TryParse(context.Request.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 50;
        var versions = await registry.Store.HistoryAsync(graph, limit, context.RequestAborted);
        await context.Response.WriteAsJsonAsync(versions.Select(Summary), Json, context.RequestAborted);
    }

    private async Task VersionAsync(HttpContext context)
    {
        if (await requests.AuthorizeAsync(context, "read") is not { } graph)
        {
            return;
        }

        var number = int.Parse((string)context.Request.RouteValues["version"]!, CultureInfo.InvariantCulture);
        var version = await registry.Store.VersionAsync(graph, number, context.RequestAborted);
        if (version is null)
        {
            await RegistryRequests.Problem(context, StatusCodes.Status404NotFound, "NOT_FOUND", $"{graph} has no version {number}.");
            return;
        }

        await context.Response.WriteAsJsonAsync(new { summary = Summary(version), supergraph = version.SupergraphSdl, apiSchema = version.ApiSchema }, Json, context.RequestAborted);
    }

    /// <summary>The variants the caller may read, with their current version.</summary>
    private async Task VariantsAsync(HttpContext context)
    {
        if (await requests.AuthenticateAsync(context) is not { } caller)
        {
            return;
        }

        var variants = await registry.Store.VariantsAsync(context.RequestAborted);
        await context.Response.WriteAsJsonAsync(
            variants.Where(v => caller.Scopes.Any(s => s.Allows("read", v.Graph))).Select(v => new { graph = v.Graph.Graph, variant = v.Graph.Variant, version = v.Version }),
            Json,
            context.RequestAborted);
    }

    /// <summary>What version N changed in the API schema against version N-1 (against nothing for the first).</summary>
    private async Task VersionChangesAsync(HttpContext context)
    {
        if (await requests.AuthorizeAsync(context, "read") is not { } graph)
        {
            return;
        }

        var number = int.Parse((string)context.Request.RouteValues["version"]!, CultureInfo.InvariantCulture);
        var version = await registry.Store.VersionAsync(graph, number, context.RequestAborted);
        if (version is null)
        {
            await RegistryRequests.Problem(context, StatusCodes.Status404NotFound, "NOT_FOUND", $"{graph} has no version {number}.");
            return;
        }

        var previous = number > 1 ? await registry.Store.VersionAsync(graph, number - 1, context.RequestAborted) : null;
        var changes = Core.SchemaChanges.SchemaDiff.Compare(previous?.ApiSchema ?? "", version.ApiSchema);
        await context.Response.WriteAsJsonAsync(
            changes.Select(c => new { kind = c.Kind.ToString(), criticality = c.Criticality.ToString().ToLowerInvariant(), coordinate = c.Coordinate, message = c.Message }),
            Json,
            context.RequestAborted);
    }

    private async Task ChecksAsync(HttpContext context)
    {
        if (await requests.AuthorizeAsync(context, "read") is not { } graph)
        {
            return;
        }

        var checks = await registry.Store.ChecksAsync(graph, 50, context.RequestAborted);
        await context.Response.WriteAsJsonAsync(
            checks.Select(c => new { id = c.Id, subgraph = c.Subgraph, at = c.At, author = c.Author, commit = c.Commit, passed = c.Passed }),
            Json,
            context.RequestAborted);
    }

    private async Task PublishAsync(HttpContext context)
    {
        if (await requests.AuthorizeAsync(context, "publish") is not { } graph || RegistryRequests.SubgraphName(context) is not { } name || await requests.ReadAsync<PublishBody>(context) is not { } body)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(body.Sdl) || !Uri.TryCreate(body.Url, UriKind.Absolute, out _))
        {
            await RegistryRequests.Problem(context, StatusCodes.Status400BadRequest, "BAD_REQUEST", "A publish needs \"sdl\" (the subgraph schema) and \"url\" (an absolute routing URL).");
            return;
        }

        var outcome = await registry.PublishAsync(graph, name, body.Url!, body.Sdl!, RegistryRequests.Who(context, body.Commit, body.Message), context.RequestAborted);
        await WriteOutcomeAsync(context, outcome);
    }

    private async Task DeleteAsync(HttpContext context)
    {
        if (await requests.AuthorizeAsync(context, "publish") is not { } graph || RegistryRequests.SubgraphName(context) is not { } name)
        {
            return;
        }

        await WriteOutcomeAsync(context, await registry.DeleteAsync(graph, name, RegistryRequests.Who(context, context.Request.Query["commit"], context.Request.Query["message"]), context.RequestAborted));
    }

    private async Task RollbackAsync(HttpContext context)
    {
        if (await requests.AuthorizeAsync(context, "admin") is not { } graph || await requests.ReadAsync<RollbackBody>(context) is not { } body)
        {
            return;
        }

        await WriteOutcomeAsync(context, await registry.RollbackAsync(graph, body.Version, RegistryRequests.Who(context, null, body.Message), context.RequestAborted));
    }

    private async Task CheckAsync(HttpContext context)
    {
        if (await requests.AuthorizeAsync(context, "read") is not { } graph || RegistryRequests.SubgraphName(context) is not { } name || await requests.ReadAsync<PublishBody>(context) is not { } body)
        {
            return;
        }

        var outcome = await registry.CheckAsync(graph, name, body.Url, body.Delete ? null : body.Sdl ?? "", context.RequestAborted);
        var id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
        var result = new
        {
            id,
            link = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{settings.Path.TrimEnd('/')}/graphs/{graph.Graph}/variants/{graph.Variant}/checks/{id}",
            subgraph = name,
            commit = body.Commit,
            passed = outcome.Passed,
            composes = outcome.Composes,
            againstVersion = outcome.AgainstVersion,
            usageConsulted = outcome.UsageConsulted,
            usageWindowDays = outcome.UsageWindow.TotalDays,
            errors = outcome.Errors.Select(e => new { code = e.Code, message = e.Message }),
            changes = outcome.Changes.Select(c => new
            {
                kind = c.Change.Kind.ToString(),
                criticality = c.Change.Criticality.ToString().ToLowerInvariant(),
                coordinate = c.Change.Coordinate,
                message = c.Change.Message,
                blocking = c.Blocking,
                clients = c.Clients?.Select(u => new { name = u.ClientName, version = u.ClientVersion, requests = u.Requests, lastSeen = u.LastSeen }),
            }),
            documentsChecked = outcome.DocumentsChecked,
            brokenDocuments = outcome.BrokenDocuments.Select(d => new { id = d.Id, name = d.Name, message = d.Message }),
        };
        var json = JsonSerializer.Serialize(result, Json);
        await registry.Store.SaveCheckAsync(
            new StoredCheck(id, graph, name, DateTimeOffset.UtcNow, RegistryRequests.CallerName(context), string.IsNullOrEmpty(body.Commit) ? null : body.Commit, outcome.Passed, json),
            context.RequestAborted);
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }

    /// <summary>A check kept earlier, by the id (and link) its answer carried.</summary>
    private async Task StoredCheckAsync(HttpContext context)
    {
        if (await requests.AuthorizeAsync(context, "read") is not { } graph)
        {
            return;
        }

        var id = (string)context.Request.RouteValues["id"]!;
        var check = id.Length is > 0 and <= 64 && id.All(char.IsAsciiHexDigitLower) ? await registry.Store.FindCheckAsync(graph, id, context.RequestAborted) : null;
        if (check is null)
        {
            await RegistryRequests.Problem(context, StatusCodes.Status404NotFound, "NOT_FOUND", $"{graph} has no check {id}.");
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(check.ResultJson, context.RequestAborted);
    }

    private async Task AuditAsync(HttpContext context)
    {
        if (await requests.AuthorizeAsync(context, "admin") is not { } graph)
        {
            return;
        }

        var entries = await registry.Store.AuditAsync(graph, 200, context.RequestAborted);
        await context.Response.WriteAsJsonAsync(entries.Select(e => new { at = e.At, actor = e.Actor, action = e.Action, detail = e.Detail }), Json, context.RequestAborted);
    }

    private static async Task WriteOutcomeAsync(HttpContext context, WriteOutcome outcome)
    {
        context.Response.StatusCode = outcome.Status switch
        {
            WriteStatus.Created => StatusCodes.Status201Created,
            WriteStatus.Unchanged => StatusCodes.Status200OK,
            WriteStatus.CompositionFailed => StatusCodes.Status422UnprocessableEntity,
            WriteStatus.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status409Conflict,
        };
        await context.Response.WriteAsJsonAsync(
            new
            {
                status = outcome.Status.ToString(),
                reason = outcome.Reason,
                version = outcome.Version?.Version,
                hash = outcome.Version?.Hash,
                errors = outcome.Errors.Select(e => new { code = e.Code, message = e.Message }),
            },
            Json,
            context.RequestAborted);
    }

    private static object Summary(SupergraphVersion v) => new
    {
        version = v.Version,
        hash = v.Hash,
        action = v.Action,
        author = v.Author,
        commit = v.Commit,
        message = v.Message,
        createdAt = v.CreatedAt,
        subgraphs = v.Subgraphs.Select(s => new { name = s.Name, url = s.Url }),
    };

    private sealed record PublishBody(string? Url, string? Sdl, string? Commit, string? Message, bool Delete = false);

    private sealed record RollbackBody(int Version, string? Message);
}
