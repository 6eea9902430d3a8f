using System.Text.Json;
using FederatedGateway.Registry.Publishing;
using Microsoft.AspNetCore.Http;

namespace FederatedGateway.Registry.Http;

/// <summary>
/// What every registry route does with its request: who calls (a token, <see cref="RegistryCallers"/>), whether that
/// caller may do this, the JSON body within <see cref="RegistrySettings.MaxBodyBytes"/>, and problem answers
/// (<c>{"code","message"}</c> with the status).
/// </summary>
internal sealed class RegistryRequests(RegistryCallers callers, RegistrySettings settings)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string CallerKey = "fgw.registry.caller";

    /// <summary>The name of the caller a route authorized.</summary>
    public static string CallerName(HttpContext context) => (string)context.Items[CallerKey]!;

    public static Provenance Who(HttpContext context, string? commit, string? message) =>
        new(CallerName(context), string.IsNullOrEmpty(commit) ? null : commit, string.IsNullOrEmpty(message) ? null : message);

    /// <summary>The caller behind the request; otherwise answers 401 and returns null.</summary>
    public async Task<(string Name, RegistryScope[] Scopes)?> AuthenticateAsync(HttpContext context)
    {
        var caller = await callers.FindAsync(context.Request, context.RequestAborted);
        if (caller is null)
        {
            await Problem(context, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", "A registry token is needed (Authorization: Bearer <token>).");
            return null;
        }

        context.Items[CallerKey] = caller.Value.Name;
        return caller;
    }

    /// <summary>The variant of the route when the caller may do <paramref name="needed"/> on it; otherwise answers 400, 401 or 403 and returns null.</summary>
    public async Task<GraphRef?> AuthorizeAsync(HttpContext context, string needed)
    {
        var values = context.Request.RouteValues;
        var graph = new GraphRef((string)values["graph"]!, (string)values["variant"]!);
        if (!GraphRef.IsName(graph.Graph) || !GraphRef.IsName(graph.Variant))
        {
            await Problem(context, StatusCodes.Status400BadRequest, "BAD_REQUEST", "Graph and variant names are 1-64 letters, digits, '-' and '_'.");
            return null;
        }

        if (await AuthenticateAsync(context) is not { } caller)
        {
            return null;
        }

        if (!caller.Scopes.Any(s => s.Allows(needed, graph)))
        {
            await Problem(context, StatusCodes.Status403Forbidden, "FORBIDDEN", $"The token '{caller.Name}' may not {needed} {graph}.");
            return null;
        }

        return graph;
    }

    /// <summary>Whether the caller is an administrator; otherwise answers 401 or 403.</summary>
    public async Task<bool> AuthorizeAdminAsync(HttpContext context, string what)
    {
        if (await AuthenticateAsync(context) is not { } caller)
        {
            return false;
        }

        if (!caller.Scopes.Any(s => s.Kind == "admin"))
        {
            await Problem(context, StatusCodes.Status403Forbidden, "FORBIDDEN", $"The token '{caller.Name}' may not {what}: that needs the admin scope.");
            return false;
        }

        return true;
    }

    public static string? SubgraphName(HttpContext context)
    {
        var name = (string)context.Request.RouteValues["name"]!;
        if (GraphRef.IsName(name))
        {
            return name;
        }

        _ = Problem(context, StatusCodes.Status400BadRequest, "BAD_REQUEST", "Subgraph names are 1-64 letters, digits, '-' and '_'.");
        return null;
    }

    /// <summary>The request body within the size limit, as JSON; otherwise answers 413 or 400 and returns null.</summary>
    public async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > settings.MaxBodyBytes)
        {
            await Problem(context, StatusCodes.Status413PayloadTooLarge, "TOO_LARGE", $"The body is over {settings.MaxBodyBytes} bytes.");
            return null;
        }

        using var limited = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            if (limited.Length + read > settings.MaxBodyBytes)
            {
                await Problem(context, StatusCodes.Status413PayloadTooLarge, "TOO_LARGE", $"The body is over {settings.MaxBodyBytes} bytes.");
                return null;
            }

            limited.Write(buffer, 0, read);
        }

        return limited.ToArray();
    }

    public async Task<T?> ReadAsync<T>(HttpContext context)
        where T : class
    {
        if (await ReadBodyAsync(context) is not { } body)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body, Json) ?? throw new JsonException("the body is null");
        }
        catch (JsonException ex)
        {
            await Problem(context, StatusCodes.Status400BadRequest, "BAD_REQUEST", "The body is not the expected JSON: " + ex.Message);
            return null;
        }
    }

    public static Task Problem(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { code, message }, Json, context.RequestAborted);
    }
}
