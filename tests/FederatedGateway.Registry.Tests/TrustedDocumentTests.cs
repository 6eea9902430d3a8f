using System.Net.Http.Json;
using FederatedGateway.Cli;
using FederatedGateway.Testing.Services;

namespace FederatedGateway.Registry.Tests;

/// <summary>
/// Trusted documents of a variant: registered with <c>fgw documents publish</c> only when every one runs on the current
/// schema, served back as Apollo's persisted query list, and validated by every check: a change no recorded client
/// used (so not blocking by usage) still fails the check when a trusted document selects what it removes.
/// </summary>
public sealed class TrustedDocumentTests
{
    private const string Manifest = """
        {"format":"apollo-persisted-query-manifest","version":1,"operations":[
          {"id":"a1","name":"Desk","type":"query","body":"query Desk { me { name desk } }"},
          {"id":"b2","name":"Orders","type":"query","body":"query Orders { orders { qty } }"}]}
        """;

    [Fact]
    public Task Documents_are_registered_when_they_run_and_checks_validate_them_on_Sqlite() => DocumentsAsync(null);

    [Fact]
    public async Task Documents_are_registered_when_they_run_and_checks_validate_them_on_PostgreSql()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await DocumentsAsync(postgres.ConnectionString);
    }

    private static async Task DocumentsAsync(string? postgres)
    {
        var folder = Directory.CreateTempSubdirectory("fgw-documents-").FullName;
        try
        {
            // Usage is consulted (and empty): removing a field breaks no recorded client.
            await using var registry = await RegistryHost.StartAsync(postgres, new()
            {
                ["Registry:Usage:Store"] = "Sqlite",
                ["Registry:Usage:SqlitePath"] = Path.Combine(folder, "usage.db"),
                ["Registry:MaxDocuments"] = "4",
            });
            var manifest = Write(folder, "manifest.json", Manifest);
            Assert.Equal(2, (await FgwAsync(registry, "documents", "publish", "--manifest", manifest)).Exit); // nothing published yet

            foreach (var (name, sdl) in new[] { ("accounts", Subgraphs.Accounts), ("orders", Subgraphs.Orders), ("portfolio", Subgraphs.Portfolio) })
            {
                Assert.Equal(201, (await registry.PublishAsync(name, sdl)).Status);
            }

            // A list with a document that does not run on the current schema: refused whole, the document named.
            var invalid = Write(folder, "invalid.json", """{"c3":"query Email { me { email } }","a1":"query Desk { me { name desk } }"}""");
            var (exit, _, stderr) = await FgwAsync(registry, "documents", "publish", "--manifest", invalid);
            Assert.Equal(1, exit);
            Assert.Contains("error[c3]:", stderr);
            Assert.Contains("email", stderr);
            Assert.Empty(await ListAsync(registry));

            (exit, _, stderr) = await FgwAsync(registry, "documents", "publish", "--manifest", manifest, "--commit", "abc123");
            Assert.Equal(0, exit);
            Assert.Contains("registered: 2 documents, 2 new", stderr);
            (exit, _, stderr) = await FgwAsync(registry, "documents", "publish", "--manifest", manifest);
            Assert.Contains("registered: 2 documents, 0 new", stderr);
            Assert.Equal(["a1 Desk query Desk { me { name desk } }", "b2 Orders query Orders { orders { qty } }"], await ListAsync(registry));

            // Removing Trader.desk: no client used it, but the trusted document Desk selects it.
            var withoutDesk = Write(folder, "accounts.graphql", Subgraphs.AccountsWithoutDesk);
            (exit, var stdout, stderr) = await FgwAsync(registry, "subgraph", "check", "--name", "accounts", "--schema", withoutDesk);
            Assert.Equal(1, exit);
            Assert.Contains("(no client used it in 30 days: not blocking)", stdout);
            Assert.Contains("document  Desk a1  would no longer run:", stdout);
            Assert.Contains("desk", stdout[stdout.IndexOf("document  Desk", StringComparison.Ordinal)..]);
            Assert.DoesNotContain("Orders b2", stdout);
            Assert.Contains("check failed: trusted documents would no longer run", stderr);

            // A compatible change keeps every document running.
            var withEmail = Write(folder, "email.graphql", Subgraphs.AccountsWithEmail);
            (exit, _, stderr) = await FgwAsync(registry, "subgraph", "check", "--name", "accounts", "--schema", withEmail);
            Assert.Equal(0, exit);
            Assert.Contains("check passed", stderr);

            // More documents than the variant keeps: refused whole with the limit named, before any is prepared.
            var many = Write(folder, "many.json", "{" + string.Join(",", Enumerable.Range(0, 3).Select(i => $"\"m{i}\":\"query M{i} {{ me {{ name }} }}\"")) + "}");
            (exit, _, stderr) = await FgwAsync(registry, "documents", "publish", "--manifest", many);
            Assert.Equal(2, exit);
            Assert.Contains("keeps at most 4", stderr);
            Assert.Equal(2, (await ListAsync(registry)).Count);

            // Not a list at all, and a token that may only read.
            var garbage = Write(folder, "garbage.json", """{"format":"something-else"}""");
            (exit, _, stderr) = await FgwAsync(registry, "documents", "publish", "--manifest", garbage);
            Assert.Equal(2, exit);
            Assert.Contains("not a persisted query list", stderr);
            (exit, _, stderr) = await FgwWithTokenAsync(registry, RegistryHost.GatewayToken, "documents", "publish", "--manifest", manifest);
            Assert.Equal(2, exit);
            Assert.Contains("(403)", stderr);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<string>> ListAsync(RegistryHost registry)
    {
        using var client = RegistryHost.Client(RegistryHost.GatewayToken);
        var list = await client.GetFromJsonAsync<System.Text.Json.JsonElement>(registry.VariantUrl() + "/documents");
        Assert.Equal("apollo-persisted-query-manifest", list.GetProperty("format").GetString());
        return [.. list.GetProperty("operations").EnumerateArray().Select(o => $"{o.GetProperty("id").GetString()} {o.GetProperty("name").GetString()} {o.GetProperty("body").GetString()}")];
    }

    private static Task<(int Exit, string Stdout, string Stderr)> FgwAsync(RegistryHost registry, params string[] command) =>
        FgwWithTokenAsync(registry, RegistryHost.CiToken, command);

    private static async Task<(int Exit, string Stdout, string Stderr)> FgwWithTokenAsync(RegistryHost registry, string token, params string[] command)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await new CliApp(stdout, stderr) { RegistryToken = () => token }
            .RunAsync([.. command, "--registry", registry.BaseAddress, "--graph", "trading@prod"]);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
