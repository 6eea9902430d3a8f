using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace FederatedGateway.FunctionalTests.Hostile;

/// <summary>
/// The document attacks of issue 13 against the real server process with its production defaults: each is
/// refused or served within a bound on time, CPU and memory, and nothing is left behind.
/// </summary>
public sealed class LimitsAttackTests(LimitsServerFixture gateway, ITestOutputHelper output) : IClassFixture<LimitsServerFixture>
{
    private static string AlternatingAliases(int pairs, string field = "desk") =>
        "{ me {" + string.Concat(Enumerable.Repeat($" x: name x: {field}", pairs)) + " } }";

    private static string ErrorCode(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;
    }

    [Fact]
    public async Task TwoThousandAlternatingAliasesAreRefusedInMillisecondsWithASmallAnswer()
    {
        var query = AlternatingAliases(1000);
        Assert.InRange(Encoding.UTF8.GetByteCount(query), 15_000, 17_000);

        // Once to warm the path up (a different document, so nothing could come from a cache), then measured.
        await gateway.PostAsync(AlternatingAliases(1000, "email"));
        var fastest = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var (status, body, elapsed) = await gateway.PostAsync(query);
            output.WriteLine($"HTTP {status}, {body.Length} bytes, {elapsed.TotalMilliseconds:F1} ms");
            Assert.Equal(200, status);
            Assert.True(body.Length < 1024 * 1024, $"{body.Length} bytes");
            Assert.Equal("OPERATION_LIMIT_EXCEEDED", ErrorCode(body));
            fastest = fastest < elapsed ? fastest : elapsed;
        }

        Assert.True(fastest < TimeSpan.FromMilliseconds(50), $"{fastest.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task TwentyThousandRepeatedFieldsCostTheServerLittleCpu()
    {
        var query = "{" + string.Concat(Enumerable.Repeat(" me { name }", 20_000)) + " }";
        await gateway.PostAsync("{" + string.Concat(Enumerable.Repeat(" me { desk }", 20_000)) + " }");

        var before = gateway.ServerCpuTime();
        var (status, body, elapsed) = await gateway.PostAsync(query);
        var cpu = gateway.ServerCpuTime() - before;
        output.WriteLine($"HTTP {status}, {body.Length} bytes, {elapsed.TotalMilliseconds:F1} ms, server CPU {cpu.TotalMilliseconds} ms");

        Assert.Equal("OPERATION_LIMIT_EXCEEDED", ErrorCode(body));
        Assert.True(cpu < TimeSpan.FromMilliseconds(200), $"{cpu.TotalMilliseconds} ms CPU");
    }

    [Fact]
    public async Task SigtermDuringPreparationOfLargeDocumentsExitsPromptly()
    {
        var (server, endpoint) = await gateway.StartServerAsync();
        using (server)
        {
            // Distinct documents at the default limits (4,900 fields each), as a hostile client keeps sending them;
            // before the limits, one 20k-field document kept a core busy for 36 s and shutdown waited for it.
            var requests = Enumerable.Range(0, 8)
                .Select(i => gateway.PostAsync(endpoint, $"query Q{i} {{ me {{" + string.Concat(Enumerable.Repeat(" name", 4_900)) + " } }"))
                .ToArray();
            await Task.Delay(50);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            server.Terminate();
            Assert.True(await server.WaitForExitAsync(TimeSpan.FromSeconds(15)), "the server did not exit within 15 s of SIGTERM");
            output.WriteLine($"exited {clock.ElapsedMilliseconds} ms after SIGTERM with code {server.ExitCode}");
            Assert.Equal(0, server.ExitCode);
            foreach (var request in requests)
            {
                try
                {
                    await request;
                }
                catch (HttpRequestException)
                {
                    // A request the server had not accepted yet when it stopped.
                }
            }
        }
    }

    [Fact]
    public async Task TwoHundredDistinctDocumentsOfNearlyTwoMegabytesLeaveTheServerSmall()
    {
        // Before: each was cached (about 19 MB each), RSS went from 77 MB to 3.96 GB and stayed there. Now documents
        // over MaxCachedDocumentSize are prepared per request and nothing of them is kept.
        var rssBefore = gateway.ServerResidentBytes();
        var filler = new string('x', 1_900_000);
        var cpuBefore = gateway.ServerCpuTime();
        long rssHalfway = 0;
        for (var i = 0; i < 200; i++)
        {
            var query = $"{{ trader(id: \"{i}{filler}\") {{ name }} }}";
            var (status, body, _) = await gateway.PostAsync(query);
            Assert.True(status == 200, $"HTTP {status}: {Encoding.UTF8.GetString(body)}");
            if (i == 99)
            {
                rssHalfway = gateway.ServerResidentBytes();
            }
        }

        var rssAfter = gateway.ServerResidentBytes();
        output.WriteLine($"server CPU for the 200 requests: {(gateway.ServerCpuTime() - cpuBefore).TotalSeconds:F1} s");
        output.WriteLine($"server RSS {rssBefore / (1024 * 1024)} MB before, {rssHalfway / (1024 * 1024)} MB after 100, {rssAfter / (1024 * 1024)} MB after 200 documents of 1.9 MB");

        // Right after, RSS is partly garbage server GC has not collected yet (230 MB seen after 200; 287-404 MB before
        // subgraph operations were JSON-encoded in pieces, when each rented a 16 MB array the shared pool kept), so the
        // second hundred's growth is no measure of retention; what is left once idle is.
        Assert.True(rssAfter < 600L * 1024 * 1024, $"RSS {rssAfter / (1024 * 1024)} MB right after the 200 documents");

        // What the documents leave behind once the server is idle: issue 13 asks for < 300 MB within 60 s. Most of what
        // stays after the first idle reclaim is ArrayPool.Shared's buffers, which the pool gives back only once they
        // have aged, so the reclaimer retries while it frees memory (see IdleMemoryReclaimer).
        var settled = Stopwatch.StartNew();
        var rssLeft = gateway.ServerResidentBytes();
        while (rssLeft >= 300L * 1024 * 1024 && settled.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(500);
            rssLeft = gateway.ServerResidentBytes();
        }

        output.WriteLine($"server RSS {rssLeft / (1024 * 1024)} MB after {settled.Elapsed.TotalSeconds:F1} s idle");
        Assert.True(rssLeft < 300L * 1024 * 1024, $"RSS {rssLeft / (1024 * 1024)} MB after 60 s idle");
    }
}
