using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using FederatedGateway.Demo;
using FederatedGateway.FunctionalTests.Hostile.Runtime;
using FederatedGateway.FunctionalTests.Infrastructure;
using FederatedGateway.FunctionalTests.Subscriptions;
using FederatedGateway.Testing.Http;
using Xunit.Abstractions;

namespace FederatedGateway.FunctionalTests.Hostile;

/// <summary>
/// Attacks on time and memory against the gateway executable (Production): hung subgraphs, huge answers, clients that
/// never read (HTTP, WebSocket, SSE). Each test starts its own gateway process with the settings it needs.
/// </summary>
[Collection(RuntimeAttackCollection.Name)]
public sealed class RuntimeAttackTests(DemoSubgraphsFixture demo, ITestOutputHelper output) : IClassFixture<DemoSubgraphsFixture>, IDisposable
{
    private const string Accounts = DemoSubgraphNames.Accounts;
    private const string Portfolio = DemoSubgraphNames.Portfolio;
    private const string Orders = DemoSubgraphNames.Orders;
    private const string Instruments = """{"query":"{ instruments { symbol name } }"}""";
    private const string StatusChanges = "subscription { orderStatusChanged { id status } }";
    private const long MemoryCeiling = 250 * ProcessMemory.MiB;

    /// <summary>What Kestrel logs (Debug) when it drops a connection whose response is not read.</summary>
    private const string KestrelDroppedSlowReader = "the connection was closed because the response was not read by the client at the specified minimum data rate";

    /// <summary>Generous allowance over a time limit for a busy machine (process start-up excluded).</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(60);
    private static readonly Dictionary<string, string> HugeAnswersAllowed = new() { ["MaxSubgraphResponseSize"] = (128 * ProcessMemory.MiB).ToString(CultureInfo.InvariantCulture) };

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(2) };

    [Fact]
    public async Task A_hung_subgraph_in_the_second_step_never_holds_the_request_past_RequestTimeout()
    {
        await using var stub = await MisbehavingSubgraph.StartAsync();
        var requestTimeout = TimeSpan.FromSeconds(2);
        using var gateway = await GatewayProcess.StartAsync(
            demo.Urls((Orders, stub.Url("hang"))), new() { ["RequestTimeout"] = "00:00:02", ["SubgraphTimeout"] = "00:01:00" });

        var clock = Stopwatch.StartNew();
        var response = await QueryAsync(gateway, "{ me { name remainingOrderCapacity } }");
        clock.Stop();

        output.WriteLine($"answered after {clock.ElapsedMilliseconds} ms (RequestTimeout 2 s, SubgraphTimeout 60 s)");
        Assert.True(clock.Elapsed < requestTimeout + Margin, $"answered after {clock.Elapsed}");
        JsonAssert.Equal("""{"me":{"name":"Ada Lovelace","remainingOrderCapacity":null}}""", response.Data);
        var error = response.ErrorFrom(Orders);
        Assert.Equal("REQUEST_TIMEOUT", Code(error));
        Assert.Equal("""["me"]""", error.GetProperty("path").GetRawText());

        // The deadline also cancelled the subgraph request in flight.
        await Eventually(() => stub.Abandoned == 1 && stub.Hanging == 0, "the hung subgraph request to be aborted");
    }

    [Fact]
    public async Task A_hung_root_fetch_with_SubgraphTimeout_over_RequestTimeout_is_cut_at_RequestTimeout()
    {
        await using var stub = await MisbehavingSubgraph.StartAsync();
        using var gateway = await GatewayProcess.StartAsync(
            demo.Urls((Portfolio, stub.Url("hang"))), new() { ["RequestTimeout"] = "00:00:02", ["SubgraphTimeout"] = "00:01:00" });

        var clock = Stopwatch.StartNew();
        var response = await QueryAsync(gateway, """{ me { name } instrument(symbol: "AAPL") { name } }""");
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2) + Margin, $"answered after {clock.Elapsed}");
        JsonAssert.Equal("""{"me":{"name":"Ada Lovelace"},"instrument":null}""", response.Data);
        Assert.Equal("REQUEST_TIMEOUT", Code(response.ErrorFrom(Portfolio)));
        await Eventually(() => stub.Abandoned == 1, "the hung subgraph request to be aborted");
    }

    [Fact]
    public async Task Sequential_fetches_share_one_deadline_instead_of_one_SubgraphTimeout_each()
    {
        // Accounts answers after 3 s, then orders hangs: 3 s + SubgraphTimeout (8 s) without a request deadline, 6 s
        // with it. The 3 s between the accounts answer and the deadline leave room for a cold gateway on a loaded
        // machine (with 1 s, the deadline once fired before accounts was merged, under the full suite).
        var accountsDelay = TimeSpan.FromSeconds(3);
        var subgraphTimeout = TimeSpan.FromSeconds(8);
        await using var stub = await MisbehavingSubgraph.StartAsync();
        using var gateway = await GatewayProcess.StartAsync(
            demo.Urls((Accounts, stub.DelayedUrl(demo.Url(Accounts), accountsDelay)), (Orders, stub.Url("hang"))),
            new() { ["RequestTimeout"] = "00:00:06", ["SubgraphTimeout"] = "00:00:08" });

        // Warm the request path first (no subgraph is asked for __typename).
        await QueryAsync(gateway, "{ __typename }");
        var clock = Stopwatch.StartNew();
        var response = await QueryAsync(gateway, "{ me { name remainingOrderCapacity } }");
        clock.Stop();

        output.WriteLine($"answered after {clock.ElapsedMilliseconds} ms");
        Assert.True(clock.Elapsed < accountsDelay + subgraphTimeout, $"answered after {clock.Elapsed}: each fetch had its own timeout");
        JsonAssert.Equal("""{"me":{"name":"Ada Lovelace","remainingOrderCapacity":null}}""", response.Data);
        Assert.Equal("REQUEST_TIMEOUT", Code(response.ErrorFrom(Orders)));
    }

    [Fact]
    public async Task Memory_taken_by_70_MB_subgraph_answers_returns_below_250_MB_within_60_s_of_idle()
    {
        await using var stub = await MisbehavingSubgraph.StartAsync();
        using var gateway = await GatewayProcess.StartAsync(demo.Urls((Portfolio, stub.Url("huge"))), HugeAnswersAllowed);
        output.WriteLine($"answer {HugeAnswer.Size:N0} bytes; RSS at start {ProcessMemory.Format(gateway.ResidentBytes)}");

        var peak = 0L;
        for (var round = 0; round < 3; round++)
        {
            var sizes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostForLengthAsync(gateway, Instruments)));
            Assert.All(sizes, size => Assert.True(size >= HugeAnswer.Size, $"a {size}-byte response: the answer did not come through"));
            peak = Math.Max(peak, gateway.ResidentBytes);
        }

        output.WriteLine($"RSS after 9 answers (3 at a time): {ProcessMemory.Format(peak)}");
        await AssertMemoryReturnsAsync(gateway);
    }

    [Fact]
    public async Task An_answer_over_MaxSubgraphResponseSize_is_refused_without_being_read_whole()
    {
        await using var stub = await MisbehavingSubgraph.StartAsync();
        using var gateway = await GatewayProcess.StartAsync(demo.Urls((Portfolio, stub.Url("huge"))));

        var response = await QueryAsync(gateway, "{ instruments { symbol name } }");

        // Query.instruments is non-null: its null takes data with it.
        Assert.Equal(JsonValueKind.Null, response.Data.ValueKind);
        Assert.Equal("SUBREQUEST_RESPONSE_TOO_LARGE", Code(response.ErrorFrom(Portfolio)));
        await Eventually(() => stub.HugeCut == 1, $"the subgraph's answer to be cut off (sent {stub.HugeSent}, cut {stub.HugeCut})");
        Assert.Equal(0, stub.HugeSent);
        Assert.True(gateway.ResidentBytes < MemoryCeiling, $"RSS {ProcessMemory.Format(gateway.ResidentBytes)} after refusing one answer");
    }

    [Fact]
    public async Task Clients_that_never_read_large_answers_are_disconnected_and_the_memory_returns()
    {
        await using var stub = await MisbehavingSubgraph.StartAsync();
        using var gateway = await GatewayProcess.StartAsync(
            demo.Urls((Portfolio, stub.Url("huge"))),
            new(HugeAnswersAllowed) { ["ResponseWriteTimeout"] = "00:00:03" },
            new() { ["Microsoft.AspNetCore.Server.Kestrel"] = "Debug" });

        var clients = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => StalledClient.PostAsync(gateway.EndpointUri, Instruments)));
        try
        {
            // Producing three 70 MB answers takes a while on a busy machine; each is then cut 3 s after it stalls.
            await Eventually(() => Count(gateway.Logs, KestrelDroppedSlowReader) >= clients.Length, "the gateway to drop every client that does not read", TimeSpan.FromSeconds(90), gateway);
            // Reading would let the writes go on: only drain once Kestrel has dropped all of them.
            foreach (var client in clients)
            {
                var (bytes, ended) = await client.DrainAsync(Margin);
                Assert.True(ended, "the connection of a client that never read is still open");
                Assert.True(bytes < HugeAnswer.Size, $"a stalled client got {bytes:N0} bytes");
            }
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }

        await AssertMemoryReturnsAsync(gateway);
    }

    [Fact]
    public async Task A_WebSocket_client_that_never_reads_is_disconnected_and_its_subgraph_subscription_ends()
    {
        await using var stub = await MisbehavingSubgraph.StartAsync();
        using var gateway = await GatewayProcess.StartAsync(demo.Urls((Orders, stub.FirehoseUrl)), new() { ["Subscriptions:SendTimeout"] = "00:00:02" });
        await using var client = await TransportWsClient.ConnectAndInitAsync(gateway.Endpoint);

        await client.SubscribeAsync("1", StatusChanges);
        await Eventually(() => stub.Firehose.Running == 1, "the subgraph subscription to start");

        // The client reads nothing from here: the socket buffers fill, the gateway's send stalls, SendTimeout passes.
        await Eventually(() => stub.Firehose.Ended == 1 && stub.Firehose.Running == 0, "the gateway to end the subgraph subscription", TimeSpan.FromSeconds(2) + Margin);
        await Eventually(() => gateway.Logs.Contains("Dropped a WebSocket client that took no message", StringComparison.Ordinal), $"the gateway to log the drop (subgraph: {stub.Firehose.LastEnd}, sent {stub.Firehose.Sent})", gateway: gateway);
        output.WriteLine($"events the subgraph pushed: {stub.Firehose.Sent}");

        var (messages, closedWith) = await DrainAsync(client);
        output.WriteLine($"the client then read {messages} messages; closed with {closedWith?.ToString() ?? "no close frame (aborted)"}");
        Assert.True(closedWith is null or WebSocketCloseStatus.PolicyViolation, $"closed with {closedWith}");
    }

    [Fact]
    public async Task An_SSE_client_that_never_reads_is_disconnected_and_its_subgraph_subscription_ends()
    {
        await using var stub = await MisbehavingSubgraph.StartAsync();
        using var gateway = await GatewayProcess.StartAsync(demo.Urls((Orders, stub.FirehoseUrl)), new() { ["Subscriptions:SendTimeout"] = "00:00:02" });
        using var client = await StalledClient.PostAsync(gateway.EndpointUri, JsonSerializer.Serialize(new { query = StatusChanges }), "text/event-stream");

        await Eventually(() => stub.Firehose.Running == 1, "the subgraph subscription to start");
        await Eventually(() => stub.Firehose.Ended == 1 && stub.Firehose.Running == 0, "the gateway to end the subgraph subscription", TimeSpan.FromSeconds(2) + Margin);

        var (bytes, ended) = await client.DrainAsync(Margin);
        output.WriteLine($"events the subgraph pushed: {stub.Firehose.Sent}; the client then read {bytes:N0} bytes");
        Assert.True(ended, "the event stream of a client that never read is still open");
    }

    public void Dispose() => _http.Dispose();

    private async Task<GraphQLHttpResponse> QueryAsync(GatewayProcess gateway, string query)
    {
        var response = await GraphQLHttp.PostAsync(_http, gateway.Endpoint, query);
        output.WriteLine(response.ToString());
        Assert.Equal(200, response.Status);
        return response;
    }

    private async Task<int> PostForLengthAsync(GatewayProcess gateway, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(gateway.Endpoint, content);
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    /// <summary>Idle from now, the gateway's RSS must drop under <see cref="MemoryCeiling"/> within <see cref="IdleLimit"/>.</summary>
    private async Task AssertMemoryReturnsAsync(GatewayProcess gateway)
    {
        var clock = Stopwatch.StartNew();
        var resident = gateway.ResidentBytes;
        output.WriteLine($"RSS when idle begins: {ProcessMemory.Format(resident)}");
        while (resident >= MemoryCeiling && clock.Elapsed < IdleLimit)
        {
            await Task.Delay(1000);
            resident = gateway.ResidentBytes;
        }

        output.WriteLine($"RSS {ProcessMemory.Format(resident)} after {clock.Elapsed.TotalSeconds:0} s idle");
        Assert.True(resident < MemoryCeiling, $"RSS still {ProcessMemory.Format(resident)} after {IdleLimit.TotalSeconds} s idle\n{gateway.Logs}");
    }

    /// <summary>Reads what the gateway sent until it closed or dropped the socket: the messages read and the close code.</summary>
    private static async Task<(int Messages, WebSocketCloseStatus? ClosedWith)> DrainAsync(TransportWsClient client)
    {
        var messages = 0;
        try
        {
            while (await client.ReceiveOrCloseAsync() is not null)
            {
                messages++;
            }

            return (messages, client.CloseStatus);
        }
        catch (WebSocketException)
        {
            return (messages, null);
        }
    }

    private static string? Code(JsonElement error) => error.GetProperty("extensions").GetProperty("code").GetString();

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static async Task Eventually(Func<bool> condition, string what, TimeSpan? within = null, GatewayProcess? gateway = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = within ?? Margin;
        while (!condition())
        {
            Assert.True(clock.Elapsed < limit, $"timed out after {limit.TotalSeconds} s waiting for {what}\n{gateway?.Logs}");
            await Task.Delay(50);
        }
    }
}
