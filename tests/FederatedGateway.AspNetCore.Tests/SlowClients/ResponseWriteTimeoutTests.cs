using FederatedGateway.AspNetCore.Tests.Infrastructure;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Testing.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.AspNetCore.Tests.SlowClients;

/// <summary>
/// Gateway:ResponseWriteTimeout: a client that never reads its (large) answer is disconnected and the answer's
/// buffer released; one that reads gets all of it.
/// </summary>
public sealed class ResponseWriteTimeoutTests
{
    private const int AnswerSize = 32 * 1024 * 1024;
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Generous: the timeout, Kestrel's 1 s heartbeat, and a busy machine.</summary>
    private static readonly TimeSpan Bound = WriteTimeout * 10;

    [Fact]
    public async Task A_client_that_never_reads_is_disconnected_and_the_answer_released()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await StartAsync(released);
        using var client = await StalledClient.PostAsync(new Uri(host.BaseAddress, "/graphql"), """{"query":"{ huge }"}""");

        await released.Task.WaitAsync(Bound);
        var (bytes, ended) = await client.DrainAsync(Bound);

        Assert.True(ended, "the server kept the connection of a client that never read");
        Assert.True(bytes < AnswerSize, $"the stalled client got {bytes} bytes, the whole answer");
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("minimum data rate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_that_reads_gets_the_whole_answer()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await StartAsync(released);

        using var response = await host.Client.PostAsync("/graphql", new StringContent("""{"query":"{ huge }"}""", System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(AnswerSize, body.Length);
        await released.Task.WaitAsync(Bound);
    }

    private static Task<KestrelHost> StartAsync(TaskCompletionSource released)
    {
        var executor = new FakeGatewayExecutor
        {
            Handler = _ => new GatewayResult(GatewayResultKind.Executed, Answer(), new Release(released)),
        };
        return KestrelHost.StartAsync(
            (services, configuration) => services.AddFederatedGateway(configuration).AddSingleton<IGatewayExecutor>(executor),
            app => app.MapFederatedGateway("/graphql"),
            new Dictionary<string, string?>
            {
                ["Gateway:ResponseWriteTimeout"] = WriteTimeout.ToString(),
                ["Gateway:Compression:Enabled"] = "false",
            });
    }

    private static byte[] Answer()
    {
        var body = new byte[AnswerSize];
        body.AsSpan().Fill((byte)' ');
        "{\"data\":{}}"u8.CopyTo(body);
        return body;
    }

    /// <summary>Stands for the answer's pooled buffer: disposed when the gateway lets go of it.</summary>
    private sealed class Release(TaskCompletionSource released) : IDisposable
    {
        public void Dispose() => released.TrySetResult();
    }
}
