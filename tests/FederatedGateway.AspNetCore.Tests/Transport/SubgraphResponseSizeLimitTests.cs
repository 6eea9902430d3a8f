using FederatedGateway.AspNetCore.Tests.Infrastructure;
using FederatedGateway.Execution.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FederatedGateway.AspNetCore.Tests.Transport;

/// <summary>
/// A subgraph answer over the size limit fails with SUBREQUEST_RESPONSE_TOO_LARGE, and the gateway stops reading it:
/// the subgraph never gets to send the whole body.
/// </summary>
public sealed class SubgraphResponseSizeLimitTests
{
    private const int Limit = 1024 * 1024;
    // Well over what loopback socket buffers take in (up to 32 MB for the receiver here).
    private const int AnswerSize = 64 * Limit;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_answer_over_the_limit_is_refused_without_reading_the_rest(bool declaresLength)
    {
        var finished = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await KestrelHost.StartAsync(null, app => app.MapPost("/huge", context => AnswerAsync(context, declaresLength, finished)));
        using var client = new HttpSubgraphClient(new HttpSubgraphClientOptions { MaxResponseBodySize = Limit });

        using var response = await client.SendAsync(new SubgraphRequest("huge", new Uri(host.BaseAddress, "/huge").ToString(), "{}"u8.ToArray()), CancellationToken.None);

        Assert.Equal(SubgraphFailureCodes.ResponseTooLarge, response.FailureCode);
        Assert.Contains($"larger than {Limit} bytes", response.Failure);
        Assert.True(response.Body.IsEmpty);
        var sentWhole = await finished.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(sentWhole, "the gateway read a 64 MiB answer to the end although its limit is 1 MiB");
    }

    [Theory]
    [InlineData(0, int.MaxValue)]
    [InlineData(1000, 1000)]
    public void MaxSubgraphResponseSize_feeds_the_HTTP_client_and_zero_means_no_limit(int setting, int expected)
    {
        var options = new GatewayOptions { MaxSubgraphResponseSize = setting }.ToSubgraphClientOptions();

        Assert.Equal(expected == int.MaxValue ? Array.MaxLength : expected, options.MaxResponseBodySize);
    }

    [Fact]
    public void The_default_limit_is_32_MiB()
    {
        Assert.Equal(32 * 1024 * 1024, new GatewayOptions().MaxSubgraphResponseSize);
        Assert.Equal(32 * 1024 * 1024, new HttpSubgraphClientOptions().MaxResponseBodySize);
    }

    /// <summary>
    /// Writes <see cref="AnswerSize"/> bytes of a JSON answer; tells whether all of it went out. Once the client has
    /// dropped the connection Kestrel discards further writes without failing them, and signals the request's abort a
    /// moment later (from the thread pool): a second's wait after the last write tells.
    /// </summary>
    private static async Task AnswerAsync(HttpContext context, bool declaresLength, TaskCompletionSource<bool> finished)
    {
        context.Response.ContentType = "application/json";
        if (declaresLength)
        {
            context.Response.ContentLength = AnswerSize;
        }

        var chunk = new byte[64 * 1024];
        chunk.AsSpan().Fill((byte)' ');
        chunk[0] = (byte)'{';
        try
        {
            for (var sent = 0; sent < AnswerSize; sent += chunk.Length)
            {
                context.RequestAborted.ThrowIfCancellationRequested();
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                chunk[0] = (byte)' ';
            }

            await Task.Delay(TimeSpan.FromSeconds(1), context.RequestAborted);
            finished.TrySetResult(true);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            finished.TrySetResult(false);
        }
    }
}
