using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.Grpc.Tests.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.Grpc.Tests;

/// <summary>
/// The real gateway host with the Node service as a reflection source in supergraph.yaml beside a healthy gRPC
/// subgraph: a service down at start does not stop the gateway; it joins when it appears, and a restart while it is
/// down composes it from the descriptors cached on disk.
/// </summary>
public sealed class NodeRecoveryTests
{
    private const string AccountQuery = "{ getAccount(id: \"acc-1\") { owner status openedAt } }";
    private const string AccountAnswer = "{\"getAccount\":{\"owner\":\"Ada\",\"status\":\"ACTIVE\",\"openedAt\":\"2024-01-02T03:04:05Z\"}}";
    private const string GreetingQuery = "{ getGreeting(name: \"Ada\") { message } }";
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_service_down_at_start_is_left_out_the_rest_serves_and_it_joins_when_it_appears()
    {
        await using var greeter = await GrpcTestServer.StartAsync(app => app.MapGrpcService<GreeterService>(), reflection: false);
        var port = FreePorts.Next();
        var (config, cache) = WriteConfig(greeter.Url, port);
        await using var gateway = await ConfigGatewayHost.StartAsync(config, new Dictionary<string, string?> { ["Gateway:GrpcDescriptorCache"] = cache });

        Assert.Equal("{\"getGreeting\":{\"message\":\"Hello Ada\"}}", CodecTests.Data(await gateway.QueryAsync(GreetingQuery)).GetRawText());
        var absent = await gateway.QueryAsync(AccountQuery);
        Assert.Contains("getAccount", absent.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(gateway.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("\"ledger\" is left out of the graph", StringComparison.Ordinal));

        await using var ledger = await NodeLedgerServer.StartAsync(port);
        var answer = await gateway.QueryUntilAnsweredAsync(AccountQuery, Recovery);
        Assert.Equal(AccountAnswer, CodecTests.Data(answer).GetRawText());
        Assert.Equal("{\"getGreeting\":{\"message\":\"Hello Ada\"}}", CodecTests.Data(await gateway.QueryAsync(GreetingQuery)).GetRawText());
        Assert.True(File.Exists(Path.Combine(cache, "ledger.pb")));
    }

    [Fact]
    public async Task A_restart_while_the_service_is_down_composes_it_from_the_cache()
    {
        await using var greeter = await GrpcTestServer.StartAsync(app => app.MapGrpcService<GreeterService>(), reflection: false);
        var port = FreePorts.Next();
        var (config, cache) = WriteConfig(greeter.Url, port);
        var settings = new Dictionary<string, string?> { ["Gateway:GrpcDescriptorCache"] = cache };
        await using (var ledger = await NodeLedgerServer.StartAsync(port))
        {
            await using var first = await ConfigGatewayHost.StartAsync(config, settings);
            Assert.Equal(AccountAnswer, CodecTests.Data(await first.QueryAsync(AccountQuery)).GetRawText());
        }

        await using var second = await ConfigGatewayHost.StartAsync(config, settings);
        var down = await second.QueryAsync(AccountQuery);
        Assert.Equal("UNAVAILABLE", down.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains(second.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("composed from its cached descriptors", StringComparison.Ordinal));
        Assert.Equal("{\"getGreeting\":{\"message\":\"Hello Ada\"}}", CodecTests.Data(await second.QueryAsync(GreetingQuery)).GetRawText());

        await using var back = await NodeLedgerServer.StartAsync(port);
        Assert.Equal(AccountAnswer, CodecTests.Data(await second.QueryUntilAnsweredAsync(AccountQuery, Recovery)).GetRawText());
    }

    /// <summary>supergraph.yaml with the greeter (a descriptor set) and the ledger (reflection at <paramref name="ledgerPort"/>), and an empty cache folder.</summary>
    [Fact]
    public async Task A_mistake_in_the_config_of_a_reflection_source_fails_the_start_instead_of_leaving_it_out()
    {
        await using var greeter = await GrpcTestServer.StartAsync(app => app.MapGrpcService<GreeterService>());
        var folder = Directory.CreateTempSubdirectory("fgw-grpc-typo-").FullName;
        var config = Path.Combine(folder, "supergraph.yaml");
        File.WriteAllText(config, $"""
            subgraphs:
              greeter:
                schema:
                  grpc:
                    url: {greeter.Url}
                    reflection: true
                    messages:
                      HelloReply:
                        fields:
                          mesage: {"{"} hidden: true {"}"}
            """);

        // The service answers; the config names a field it does not have. Retrying would never fix that.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => ConfigGatewayHost.StartAsync(config, new Dictionary<string, string?> { ["Gateway:GrpcDescriptorCache"] = Path.Combine(folder, "cache") }));
        Assert.Contains("has no field \"mesage\"; did you mean \"message\"", error.ToString(), StringComparison.Ordinal);
    }

    private static (string Config, string Cache) WriteConfig(string greeterUrl, int ledgerPort)
    {
        var folder = Directory.CreateTempSubdirectory("fgw-grpc-recovery-").FullName;
        File.Copy(Protoc.BuildDescriptorSet("greeter.proto"), Path.Combine(folder, "greeter.pb"));
        var config = Path.Combine(folder, "supergraph.yaml");
        File.WriteAllText(config, $"""
            subgraphs:
              greeter:
                schema:
                  grpc:
                    url: {greeterUrl}
                    descriptor_set: greeter.pb
                    style: mirror
              ledger:
                schema:
                  grpc:
                    url: grpc://127.0.0.1:{ledgerPort}
                    reflection: true
                    style: mirror
            """);
        return (config, Path.Combine(folder, "cache"));
    }
}
