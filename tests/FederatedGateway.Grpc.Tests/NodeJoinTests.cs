using System.Text.Json;
using FederatedGateway.Grpc.Tests.Infrastructure;

namespace FederatedGateway.Grpc.Tests;

/// <summary>
/// The Node ledger service, known through reflection only and made an entity owner by supergraph.yaml alone
/// (<c>entities: Account: { key: id, lookup: BatchGetAccounts }</c>; its proto has no FederatedGateway options),
/// joined in both directions by a GraphQL subgraph written in Node: customers point at ledger accounts, and accounts
/// gain a field of the subgraph's own; the ledger's entries point at its own accounts through a relation the config
/// declares. Everything runs for real: the gateway host, both Node processes.
/// </summary>
public sealed class NodeJoinTests
{
    [Fact]
    public async Task A_GraphQL_subgraph_joins_the_Node_services_accounts_both_ways_and_unknown_ids_are_nulls_with_their_own_errors()
    {
        await using var ledger = await NodeLedgerServer.StartAsync();
        await using var crm = await NodeCrmSubgraph.StartAsync();
        await using var gateway = await ConfigGatewayHost.StartAsync(WriteConfig(ledger.Url, crm.Url));

        // Subgraph → gRPC: each customer's account from the ledger, all three in one batch matched by key; the
        // ledger does not know acc-404 and leaves it out of its answer.
        var customers = await gateway.QueryAsync("{ customers { name account { id owner status riskTier } } }");
        Assert.Equal(
            "{\"customers\":["
            + "{\"name\":\"Ada\",\"account\":{\"id\":\"acc-1\",\"owner\":\"Ada\",\"status\":\"ACTIVE\",\"riskTier\":\"low\"}},"
            + "{\"name\":\"Grace\",\"account\":null},"
            + "{\"name\":\"Alan\",\"account\":{\"id\":\"acc-2\",\"owner\":\"Grace\",\"status\":\"FROZEN\",\"riskTier\":\"high\"}}]}",
            customers.GetProperty("data").GetRawText());
        var error = Assert.Single(customers.GetProperty("errors").EnumerateArray());
        Assert.Equal("[\"customers\",1,\"account\"]", error.GetProperty("path").GetRawText());
        Assert.Equal("NOT_FOUND", error.GetProperty("extensions").GetProperty("code").GetString());

        // gRPC → subgraph: an account read from the ledger gets riskTier from the subgraph, asked by the ledger's key.
        var account = await gateway.QueryAsync("{ account(id: \"acc-2\") { owner balance { units } riskTier } }");
        Assert.Equal("{\"account\":{\"owner\":\"Grace\",\"balance\":{\"units\":\"-75\"},\"riskTier\":\"high\"}}", CodecTests.Data(account).GetRawText());
        Assert.False(account.TryGetProperty("errors", out _));
        var asked = (await crm.RequestsAsync()).Select(body => JsonDocument.Parse(body).RootElement).ToList();
        Assert.Contains(asked, r => r.GetProperty("query").GetString()!.Contains("_entities", StringComparison.Ordinal)
            && r.GetProperty("variables").GetRawText().Contains("{\"__typename\":\"Account\",\"id\":\"acc-2\"}", StringComparison.Ordinal));

        // Entry.accountId as Entry.account, declared in the config (the Node server's reflection names the field
        // accountId): the ledger resolves it through its own BatchGetAccounts (each distinct id once) within the same
        // fetch, the subgraph adds riskTier, and the id the ledger does not know (acc-9) is null with its own error.
        var entries = await gateway.QueryAsync("{ entries(accountId: \"\", pageSize: 10) { id account { owner riskTier } } }");
        Assert.Equal(
            "{\"entries\":[{\"id\":\"e-1\",\"account\":{\"owner\":\"Ada\",\"riskTier\":\"low\"}},"
            + "{\"id\":\"e-2\",\"account\":{\"owner\":\"Ada\",\"riskTier\":\"low\"}},"
            + "{\"id\":\"e-3\",\"account\":{\"owner\":\"Grace\",\"riskTier\":\"high\"}},"
            + "{\"id\":\"e-4\",\"account\":null}]}",
            entries.GetProperty("data").GetRawText());
        var unknown = Assert.Single(entries.GetProperty("errors").EnumerateArray());
        Assert.Equal("[\"entries\",3,\"account\"]", unknown.GetProperty("path").GetRawText());
        Assert.Equal("NOT_FOUND", unknown.GetProperty("extensions").GetProperty("code").GetString());

        // A list of accounts straight from the ledger (the idiomatic BatchGetAccounts root field) joins the same way.
        var batch = await gateway.QueryAsync("{ accounts(ids: [\"acc-3\", \"acc-1\"]) { id riskTier } }");
        Assert.Equal("{\"accounts\":[{\"id\":\"acc-3\",\"riskTier\":\"unrated\"},{\"id\":\"acc-1\",\"riskTier\":\"low\"}]}", CodecTests.Data(batch).GetRawText());
    }

    /// <summary>supergraph.yaml with the ledger (reflection, an entity declared in the config) and the Node subgraph.</summary>
    private static string WriteConfig(string ledgerUrl, string crmUrl)
    {
        var folder = Directory.CreateTempSubdirectory("fgw-node-join-").FullName;
        var config = Path.Combine(folder, "supergraph.yaml");
        File.WriteAllText(config, $"""
            federation_version: =2.3
            subgraphs:
              ledger:
                schema:
                  grpc:
                    url: {ledgerUrl}
                    reflection: true
                    entities:
                      Account: {"{"} key: id, lookup: BatchGetAccounts {"}"}
                    messages:
                      Entry:
                        fields:
                          accountId: {"{"} relation: Account {"}"}
              crm:
                routing_url: {crmUrl}
                schema:
                  subgraph_url: {crmUrl}
            """);
        return config;
    }
}
