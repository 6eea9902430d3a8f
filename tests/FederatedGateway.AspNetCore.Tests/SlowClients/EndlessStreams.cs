using System.Runtime.CompilerServices;
using System.Text;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Subscriptions;

namespace FederatedGateway.AspNetCore.Tests.SlowClients;

/// <summary>A stream executor whose every operation yields <see cref="MessageSize"/>-byte results without end; counts the streams ended.</summary>
internal sealed class EndlessStreams : IGatewayExecutor, IGatewayStreamExecutor
{
    private readonly byte[] _message;
    private int _running;
    private int _ended;

    public EndlessStreams(int messageSize)
    {
        MessageSize = messageSize;
        _message = Encoding.UTF8.GetBytes("{\"data\":{\"x\":\"" + new string('x', messageSize - 16) + "\"}}");
    }

    public int MessageSize { get; }

    public int Running => Volatile.Read(ref _running);

    public int Ended => Volatile.Read(ref _ended);

    public bool IsReady => true;

    public ValueTask<GatewayResult> ExecuteAsync(GatewayRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask<GatewayStream> StartAsync(GatewayRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GatewayStream.Of(Messages(cancellationToken)));

    private async IAsyncEnumerable<GatewayMessage> Messages([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _running);
        try
        {
            while (true)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                yield return new GatewayMessage(GatewayMessageKind.Next, _message);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            Interlocked.Increment(ref _ended);
        }
    }
}
