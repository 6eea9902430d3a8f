using System.Diagnostics;
using System.Text;
using FederatedGateway.OpenApi.Translation;

namespace FederatedGateway.OpenApi.Tests;

/// <summary>
/// Source documents an operator may be handed: nested beyond reason, or huge. Each is refused with a message or
/// translated, within bounded time and memory, never a stack overflow.
/// </summary>
public sealed class HostileDocumentTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [InlineData("json")]
    [InlineData("yaml")]
    public async Task Schemas_nested_ten_thousand_deep_are_refused_or_translated_within_bounds(string format)
    {
        var document = format == "json" ? DeepJson(10_000) : DeepYaml(10_000);
        var (outcome, elapsed, allocated) = await MeasureAsync(document, format);
        output.WriteLine($"{format}: {outcome?.Message ?? "translated"}; {elapsed.TotalMilliseconds:0} ms, {allocated / 1048576} MB allocated");

        Assert.True(outcome is OpenApiSourceException or null, outcome?.ToString());
        Assert.True(elapsed < TimeSpan.FromSeconds(20), $"took {elapsed}");
        Assert.True(allocated < 512L * 1024 * 1024, $"allocated {allocated / 1048576} MB");
    }

    [Fact]
    public async Task A_chain_of_ten_thousand_referenced_schemas_translates_within_bounds()
    {
        var schemas = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            schemas.Append(i == 0 ? "" : ",").Append($"\"S{i}\":{{\"type\":\"object\",\"properties\":{{\"next\":{{\"$ref\":\"#/components/schemas/S{i + 1}\"}}}}}}");
        }

        schemas.Append(",\"S10000\":{\"type\":\"object\",\"properties\":{\"end\":{\"type\":\"string\"}}}");
        var document = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"chain\",\"version\":\"1\"},\"paths\":{\"/a\":{\"get\":{\"responses\":{\"200\":{\"description\":\"ok\","
            + "\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/S0\"}}}}}}}},\"components\":{\"schemas\":{" + schemas + "}}}";
        var (outcome, elapsed, allocated) = await MeasureAsync(document, "json");
        output.WriteLine($"chain: {outcome?.Message ?? "translated"}; {elapsed.TotalMilliseconds:0} ms, {allocated / 1048576} MB allocated");

        Assert.Null(outcome);
        Assert.True(elapsed < TimeSpan.FromSeconds(30), $"took {elapsed}");
        Assert.True(allocated < 2L * 1024 * 1024 * 1024, $"allocated {allocated / 1048576} MB");
    }

    [Fact]
    public async Task Reference_cycles_translate_and_compose()
    {
        const string document = """
            {"openapi":"3.0.3","info":{"title":"cycles","version":"1"},
             "paths":{"/nodes/{id}":{"get":{"operationId":"getNode","parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
               "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Node"}}}}}}}},
             "components":{"schemas":{
               "Node":{"type":"object","properties":{"name":{"type":"string"},"children":{"type":"array","items":{"$ref":"#/components/schemas/Node"}},"owner":{"$ref":"#/components/schemas/Owner"}}},
               "Owner":{"type":"object","properties":{"root":{"$ref":"#/components/schemas/Node"},"self":{"$ref":"#/components/schemas/Owner"}}}}}}
            """;
        var (outcome, elapsed, _) = await MeasureAsync(document, "json");

        Assert.Null(outcome);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(document));
        var sdl = OpenApiTranslator.Translate(await OpenApiDocuments.LoadAsync(stream, "json", "cycles.json"), "cycles.json").Sdl;
        Assert.Contains("  children: [Node!]\n", sdl, StringComparison.Ordinal);
        Assert.Contains("  self: Owner\n", sdl, StringComparison.Ordinal);
        var composed = FederatedGateway.Core.Composition.SupergraphComposer.Compose([new("cycles", "http://127.0.0.1:1/", sdl)]);
        Assert.True(composed.Errors.Count == 0, string.Join("\n", composed.Errors));
    }

    [Fact]
    public async Task Twenty_thousand_operations_translate_within_bounds()
    {
        var paths = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            paths.Append(i == 0 ? "" : ",").Append($"\"/items{i}/{{id}}\":{{\"get\":{{\"operationId\":\"item{i}\",\"parameters\":[{{\"name\":\"id\",\"in\":\"path\",\"required\":true,\"schema\":{{\"type\":\"string\"}}}}],")
                .Append("\"responses\":{\"200\":{\"description\":\"ok\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Item\"}}}}}}}");
        }

        var document = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"big\",\"version\":\"1\"},\"paths\":{" + paths
            + "},\"components\":{\"schemas\":{\"Item\":{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}}}}";
        var (outcome, elapsed, allocated) = await MeasureAsync(document, "json");
        output.WriteLine($"{document.Length / 1048576.0:0.0} MB document: {elapsed.TotalMilliseconds:0} ms, {allocated / 1048576} MB allocated");

        Assert.Null(outcome);
        Assert.True(elapsed < TimeSpan.FromSeconds(30), $"took {elapsed}");
        Assert.True(allocated < 2L * 1024 * 1024 * 1024, $"allocated {allocated / 1048576} MB");
    }

    private static async Task<(Exception? Outcome, TimeSpan Elapsed, long Allocated)> MeasureAsync(string document, string format)
    {
        var clock = Stopwatch.StartNew();
        Exception? outcome = null;
        long allocated = 0;

        // On a thread of its own with the default 1.5 MB stack a test host might not give: an overflow would kill the run.
        var thread = new Thread(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                using var stream = new MemoryStream(Encoding.UTF8.GetBytes(document));
                var parsed = OpenApiDocuments.LoadAsync(stream, format, "hostile." + format).GetAwaiter().GetResult();
                OpenApiTranslator.Translate(parsed, "hostile." + format);
            }
            catch (Exception ex)
            {
                outcome = ex;
            }

            // Reading from memory runs on this thread: what it allocated is what the document cost.
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }, 1536 * 1024);
        thread.Start();
        await Task.Run(thread.Join);
        return (outcome, clock.Elapsed, allocated);
    }

    private static string DeepJson(int depth)
    {
        var schema = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            schema.Append("{\"type\":\"object\",\"properties\":{\"p\":");
        }

        schema.Append("{\"type\":\"string\"}");
        for (var i = 0; i < depth; i++)
        {
            schema.Append("}}");
        }

        return "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"deep\",\"version\":\"1\"},\"paths\":{\"/a\":{\"get\":{\"responses\":{\"200\":{\"description\":\"ok\",\"content\":{\"application/json\":{\"schema\":"
            + schema + "}}}}}}}}";
    }

    private static string DeepYaml(int depth)
    {
        var schema = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            schema.Append("{type: object, properties: {p: ");
        }

        schema.Append("{type: string}");
        for (var i = 0; i < depth; i++)
        {
            schema.Append("}}");
        }

        return "openapi: 3.0.3\ninfo: {title: deep, version: \"1\"}\npaths:\n  /a:\n    get:\n      responses:\n        \"200\":\n          description: ok\n          content:\n            application/json:\n              schema: "
            + schema + "\n";
    }
}
