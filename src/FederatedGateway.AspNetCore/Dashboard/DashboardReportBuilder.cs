using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Usage;
using GraphQLParser;
using GraphQLParser.AST;

namespace FederatedGateway.AspNetCore.Dashboard;

/// <summary>Builds the dashboard's report from the traffic history, the usage store and the snapshot served.</summary>
/// <param name="urlOverrides">Subgraph URLs the gateway uses instead of the supergraph's (<c>Gateway:SubgraphUrlOverrides</c>).</param>
/// <param name="health">Each subgraph's recent fetches; null leaves the subgraphs idle.</param>
internal sealed class DashboardReportBuilder(
    TrafficHistory history, IUsageStore store, TimeProvider time, IReadOnlyDictionary<string, string> urlOverrides, SubgraphHealthMonitor? health = null)
{
    /// <summary>The operations tables cover the last hour.</summary>
    private static readonly TimeSpan OperationsWindow = TimeSpan.FromHours(1);

    /// <summary>Field usage (and so "never used") covers the last 30 days.</summary>
    private static readonly TimeSpan FieldsWindow = TimeSpan.FromDays(30);

    private const int TableRows = 10;

    public async Task<DashboardReport> BuildAsync(GatewaySnapshot? snapshot, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var operations = (await store.OperationsAsync(now - OperationsWindow, cancellationToken).ConfigureAwait(false))
            .GroupBy(o => (o.DocumentHash, o.OperationName))
            .Select(Summarize)
            .ToList();
        var counts = await store.CoordinateCountsAsync(now - FieldsWindow, cancellationToken).ConfigureAwait(false);
        var schemaFields = snapshot is null ? [] : snapshot.Derived(typeof(DashboardReportBuilder), s => FieldCoordinates(s.ApiSdl));
        return new DashboardReport(
            now,
            [.. history.Points().Select(DashboardTrafficPoint.Of)],
            [.. operations.OrderByDescending(o => o.Requests).ThenBy(o => o.Name, StringComparer.Ordinal).Take(TableRows)],
            [.. operations.OrderByDescending(o => o.P95).ThenBy(o => o.Name, StringComparer.Ordinal).Take(TableRows)],
            [.. schemaFields.Where(counts.ContainsKey).Select(f => new DashboardFieldUsage(f, counts[f])).OrderByDescending(f => f.Requests).ThenBy(f => f.Coordinate, StringComparer.Ordinal)],
            [.. schemaFields.Where(f => !counts.ContainsKey(f))],
            snapshot is null ? [] : Subgraphs(snapshot),
            FieldsWindow);
    }

    private List<DashboardSubgraph> Subgraphs(GatewaySnapshot snapshot)
    {
        var subgraphs = snapshot.Schema.Subgraphs;
        var healths = health?.Read(subgraphs.Select(s => s.Name));
        return [.. subgraphs.Select((s, i) =>
        {
            var h = healths?[i] ?? new SubgraphHealth(s.Name, SubgraphHealth.Idle, 0, 0, 0, 0, 0, null, null);
            return new DashboardSubgraph(s.Name, urlOverrides.GetValueOrDefault(s.Name, s.Url), h.Status, h.Fetches, h.FetchesPerSecond, h.ErrorRate, h.P50, h.P95, h.LastError, h.LastErrorAt);
        })];
    }

    private static DashboardOperation Summarize(IGrouping<(string Hash, string Name), OperationUsage> group)
    {
        var latency = new LatencyHistogram();
        foreach (var usage in group)
        {
            latency.AddAll(usage.Latency.Counts);
        }

        return new DashboardOperation(
            group.Key.Name.Length == 0 ? "(anonymous)" : group.Key.Name,
            group.Key.Hash,
            group.Sum(u => u.Requests),
            group.Sum(u => u.Errors),
            latency.Percentile(0.5),
            latency.Percentile(0.95),
            latency.Percentile(0.99),
            [.. group.Select(u => u.ClientName.Length == 0 ? "(unnamed)" : u.ClientVersion.Length == 0 ? u.ClientName : $"{u.ClientName} {u.ClientVersion}").Distinct().Order(StringComparer.Ordinal)]);
    }

    /// <summary>Every <c>Type.field</c> of the API schema's object and interface types, sorted.</summary>
    private static string[] FieldCoordinates(string apiSdl)
    {
        var coordinates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var definition in Parser.Parse(apiSdl).Definitions)
        {
            var (name, fields) = definition switch
            {
                GraphQLObjectTypeDefinition o => (o.Name.StringValue, o.Fields),
                GraphQLInterfaceTypeDefinition i => (i.Name.StringValue, i.Fields),
                _ => (null, null),
            };
            foreach (var field in fields?.Items ?? [])
            {
                coordinates.Add(name + "." + field.Name.StringValue);
            }
        }

        return [.. coordinates];
    }
}
