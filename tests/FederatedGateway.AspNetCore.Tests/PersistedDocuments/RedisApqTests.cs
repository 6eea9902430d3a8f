using System.Text.Json;
using FederatedGateway.AspNetCore.Tests.Infrastructure;
using FederatedGateway.Execution.PersistedDocuments;
using FederatedGateway.Testing.Services;

namespace FederatedGateway.AspNetCore.Tests.PersistedDocuments;

/// <summary>APQ through a real redis-server: replicas share registered documents, and Redis going down fails nothing.</summary>
public sealed class RedisApqTests : IAsyncLifetime
{
    private const string Document = "query Shared { hello }";

    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    private Task<CountingGateway> ReplicaAsync() => CountingGateway.StartAsync(new Dictionary<string, string?>
    {
        ["Gateway:PersistedDocuments:Apq:Redis"] = _redis.Configuration,
        ["Gateway:PersistedDocuments:Apq:RedisTimeout"] = "00:00:00.500",
    });

    private static object ById(string hash) => new { extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } };

    [Fact]
    public async Task A_document_registered_on_one_replica_runs_by_hash_on_another()
    {
        await using var first = await ReplicaAsync();
        await using var second = await ReplicaAsync();
        var hash = PersistedDocumentManifest.Sha256(Document);

        var registered = await first.SendAsync(new { query = Document, extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } });
        var elsewhere = await second.SendAsync(ById(hash));

        Assert.Equal(200, registered.Status);
        Assert.Equal("world", elsewhere.Body.GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task With_Redis_down_a_hash_misses_and_a_full_registration_still_runs()
    {
        await using var gateway = await ReplicaAsync();
        await _redis.StopAsync();
        var hash = PersistedDocumentManifest.Sha256(Document);

        var byHash = await gateway.SendAsync(ById(hash));
        var registered = await gateway.SendAsync(new { query = Document, extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } });

        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", byHash.Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(200, registered.Status);
        Assert.Equal("world", registered.Body.GetProperty("data").GetProperty("hello").GetString());
    }
}
