using System.Text.Json;

namespace FederatedGateway.Grpc.Tests.Infrastructure;

/// <summary>
/// The Node GraphQL subgraph (NodeService/crm-subgraph.mjs: graphql + @apollo/subgraph) that joins the Node ledger's
/// Account entity both ways: <c>Customer.account</c> points at ledger accounts, and <c>Account.riskTier</c> is its own.
/// </summary>
public sealed class NodeCrmSubgraph : IAsyncDisposable
{
    private readonly NodeScript _script;

    private NodeCrmSubgraph(NodeScript script) => _script = script;

    /// <summary><c>http://127.0.0.1:port/graphql</c>.</summary>
    public string Url => $"http://127.0.0.1:{_script.Port}/graphql";

    public static async Task<NodeCrmSubgraph> StartAsync() => new(await NodeScript.StartAsync("crm-subgraph.mjs", 0));

    /// <summary>The GraphQL request bodies it has received, oldest first.</summary>
    public async Task<IReadOnlyList<string>> RequestsAsync()
    {
        using var http = new HttpClient();
        var json = await http.GetStringAsync($"http://127.0.0.1:{_script.Port}/requests");
        return JsonSerializer.Deserialize<List<string>>(json) ?? [];
    }

    public ValueTask DisposeAsync() => _script.DisposeAsync();
}
