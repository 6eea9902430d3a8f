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
    public async Task TwoHundredDistinctDocumentsOfNearlyTwoMegabytesLeaveTheServerSmall()
    {
        var rssBefore = gateway.ServerResidentBytes();
        var filler = new string('x', 1_900_000);
        var cpuBefore = gateway.ServerCpuTime();
        for (var i = 0; i < 200; i++)
        {
            var query = $"{{ trader(id: \"{i}{filler}\") {{ name }} }}";
            var (status, body, _) = await gateway.PostAsync(query);
            Assert.True(status == 200, $"HTTP {status}: {Encoding.UTF8.GetString(body)}");
        }

        output.WriteLine($"server CPU for the 200 requests: {(gateway.ServerCpuTime() - cpuBefore).TotalSeconds:F1} s");
        var rssAfter = gateway.ServerResidentBytes();
        output.WriteLine($"server RSS {rssBefore / (1024 * 1024)} MB before, {rssAfter / (1024 * 1024)} MB after 200 documents of 1.9 MB");
        Assert.True(rssAfter < 300L * 1024 * 1024, $"RSS {rssAfter / (1024 * 1024)} MB");
    }
}
