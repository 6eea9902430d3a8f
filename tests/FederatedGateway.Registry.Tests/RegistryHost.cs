using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.Registry.Tests;

/// <summary>
/// A real registry on Kestrel (127.0.0.1, a free port) with three tokens: <c>admin</c>, <c>ci</c> (publish to
/// trading@prod) and <c>gateway</c> (read trading@*). The store is a SQLite file in a temporary folder or the given
/// PostgreSQL connection string.
/// </summary>
internal sealed class RegistryHost : IAsyncDisposable
{
    public const string AdminToken = "admin-secret";
    public const string CiToken = "ci-secret";
    public const string GatewayToken = "gateway-secret";

    private readonly WebApplication _app;
    private readonly string _folder;

    private RegistryHost(WebApplication app, string folder)
    {
        _app = app;
        _folder = folder;
    }

    public string BaseAddress => _app.Urls.First();

    public string VariantUrl(string graph = "trading", string variant = "prod") => $"{BaseAddress}/registry/v1/graphs/{graph}/variants/{variant}";

    /// <param name="extra">More registry settings (e.g. <c>Registry:Usage:*</c>).</param>
    public static async Task<RegistryHost> StartAsync(string? postgres = null, Dictionary<string, string?>? extra = null)
    {
        var folder = Directory.CreateTempSubdirectory("fgw-registry-").FullName;
        var builder = WebApplication.CreateSlimBuilder();
        var settings = new Dictionary<string, string?>
        {
            ["Registry:Store"] = postgres is null ? "Sqlite" : "PostgreSql",
            ["Registry:SqlitePath"] = Path.Combine(folder, "registry.db"),
            ["Registry:PostgreSql"] = postgres,
        };
        AddToken(settings, 0, "admin", AdminToken, "admin");
        AddToken(settings, 1, "ci", CiToken, "publish:trading@prod");
        AddToken(settings, 2, "gateway", GatewayToken, "read:trading@*");
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSchemaRegistry(builder.Configuration);
        var app = builder.Build();
        app.MapSchemaRegistry();
        await app.StartAsync();
        return new RegistryHost(app, folder);
    }

    public static HttpClient Client(string? token)
    {
        var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Publishes a subgraph; the status code and the answer.</summary>
    public async Task<(int Status, JsonElement Body)> PublishAsync(string name, string sdl, string token = CiToken, string variant = "prod", string? commit = null, string? url = null)
    {
        using var client = Client(token);
        using var response = await client.PostAsJsonAsync($"{VariantUrl(variant: variant)}/subgraphs/{name}", new { url = url ?? $"http://127.0.0.1:1/{name}", sdl, commit, message = "test" });
        return ((int)response.StatusCode, await ReadAsync(response));
    }

    public async Task RollbackAsync(int version)
    {
        using var client = Client(AdminToken);
        using var response = await client.PostAsJsonAsync($"{VariantUrl()}/rollback", new { version });
        if ((int)response.StatusCode != 201)
        {
            throw new InvalidOperationException($"rollback: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static void AddToken(Dictionary<string, string?> settings, int index, string name, string secret, string scope)
    {
        settings[$"Registry:Tokens:{index}:Name"] = name;
        settings[$"Registry:Tokens:{index}:Sha256"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        settings[$"Registry:Tokens:{index}:Scopes:0"] = scope;
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
