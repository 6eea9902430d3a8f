using System.Text.Json;
using FederatedGateway.AspNetCore.Tests.Infrastructure;
using FederatedGateway.Execution.PersistedDocuments;

namespace FederatedGateway.AspNetCore.Tests.PersistedDocuments;

/// <summary>Trusted documents (a manifest, three modes) and automatic persisted queries against the real gateway and a counting subgraph.</summary>
public sealed class PersistedDocumentsTests
{
    private const string Listed = "query Hello { hello }";
    private const string NotListed = "query Other { hello __typename }";

    private static object ById(string hash) => new { extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } };

    private static object WithDocument(string query, string hash) => new { query, extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } };

    private static Task<CountingGateway> StartAsync(string mode, bool allowFullText = true, bool apolloFormat = true) =>
        CountingGateway.StartAsync(async gateway =>
        {
            var manifest = Path.Combine(gateway.Directory, "manifest.json");
            var id = PersistedDocumentManifest.Sha256(Listed);
            await File.WriteAllTextAsync(manifest, apolloFormat
                ? JsonSerializer.Serialize(new { format = "apollo-persisted-query-manifest", version = 1, operations = new[] { new { id, name = "Hello", type = "query", body = Listed } } })
                : JsonSerializer.Serialize(new Dictionary<string, string> { [id] = Listed }));
            return new Dictionary<string, string?>
            {
                ["Gateway:PersistedDocuments:Mode"] = mode,
                ["Gateway:PersistedDocuments:Manifest"] = manifest,
                ["Gateway:PersistedDocuments:AllowFullText"] = allowFullText ? "true" : "false",
            };
        });

    private static string Code(JsonElement body) => body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

    private static string Hello(JsonElement body) => body.GetProperty("data").GetProperty("hello").GetString()!;

    [Fact]
    public async Task APQ_registers_a_document_sent_with_its_hash_and_then_runs_it_by_hash_alone()
    {
        await using var gateway = await CountingGateway.StartAsync([]);
        var hash = PersistedDocumentManifest.Sha256(NotListed);

        var unknown = await gateway.SendAsync(ById(hash));
        var registered = await gateway.SendAsync(WithDocument(NotListed, hash));
        var byHash = await gateway.SendAsync(ById(hash));

        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(unknown.Body));
        Assert.Equal("PersistedQueryNotFound", unknown.Body.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal("world", Hello(registered.Body));
        Assert.Equal("world", Hello(byHash.Body));
        Assert.Equal(2, gateway.SubgraphRequests);
    }

    [Fact]
    public async Task APQ_refuses_a_document_whose_hash_is_not_the_one_sent()
    {
        await using var gateway = await CountingGateway.StartAsync([]);

        var (_, body, _) = await gateway.SendAsync(WithDocument(NotListed, PersistedDocumentManifest.Sha256(Listed)));

        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", Code(body));
        Assert.Equal(0, gateway.SubgraphRequests);
    }

    [Theory]
    [InlineData("""{"persistedQuery":{"version":1}}""")]
    [InlineData("""{"persistedQuery":{"version":2,"sha256Hash":"abc"}}""")]
    [InlineData("""{"persistedQuery":"abc"}""")]
    public async Task A_malformed_persistedQuery_extension_is_a_bad_request(string extensions)
    {
        await using var gateway = await CountingGateway.StartAsync([]);

        var (status, body, _) = await gateway.SendAsync(new { extensions = JsonDocument.Parse(extensions).RootElement });

        Assert.Equal(400, status);
        Assert.Equal("BAD_REQUEST", Code(body));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Enforce_runs_manifest_documents_by_id_and_by_full_text_in_either_manifest_format(bool apolloFormat)
    {
        await using var gateway = await StartAsync("Enforce", apolloFormat: apolloFormat);

        Assert.Equal("world", Hello((await gateway.SendAsync(ById(PersistedDocumentManifest.Sha256(Listed)))).Body));
        Assert.Equal("world", Hello((await gateway.PostAsync(Listed)).Body));
    }

    [Fact]
    public async Task Enforce_refuses_every_other_document_and_APQ_registration_before_any_fetch()
    {
        await using var gateway = await StartAsync("Enforce");

        var other = await gateway.PostAsync(NotListed);
        var apq = await gateway.SendAsync(WithDocument(NotListed, PersistedDocumentManifest.Sha256(NotListed)));
        var introspection = await gateway.PostAsync("{ __schema { queryType { name } } }");

        Assert.Equal("PERSISTED_QUERY_NOT_IN_LIST", Code(other.Body));
        Assert.Equal("PERSISTED_QUERY_NOT_IN_LIST", Code(apq.Body));
        Assert.Equal("PERSISTED_QUERY_NOT_IN_LIST", Code(introspection.Body));
        Assert.Equal(0, gateway.SubgraphRequests);
    }

    [Fact]
    public async Task Enforce_by_id_only_refuses_full_text_even_of_a_manifest_document()
    {
        await using var gateway = await StartAsync("Enforce", allowFullText: false);

        Assert.Equal("PERSISTED_QUERY_ID_REQUIRED", Code((await gateway.PostAsync(Listed)).Body));
        Assert.Equal("world", Hello((await gateway.SendAsync(ById(PersistedDocumentManifest.Sha256(Listed)))).Body));
    }

    [Fact]
    public async Task AllowAndLog_runs_documents_outside_the_manifest()
    {
        await using var gateway = await StartAsync("AllowAndLog");

        Assert.Equal("world", Hello((await gateway.PostAsync(NotListed)).Body));
        Assert.Equal("world", Hello((await gateway.SendAsync(ById(PersistedDocumentManifest.Sha256(Listed)))).Body));
    }

    [Fact]
    public async Task A_manifest_id_sent_with_a_different_document_is_refused()
    {
        await using var gateway = await StartAsync("Off");

        var (_, body, _) = await gateway.SendAsync(WithDocument(NotListed, PersistedDocumentManifest.Sha256(Listed)));

        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", Code(body));
    }
}
