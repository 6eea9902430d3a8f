using System.Threading.Channels;
using GraphQL;

namespace FederatedGateway.AspNetCore.Tests.Authorization;

/// <summary>Writes each event of a GraphQL.NET subscription, serialized, to a channel; completes it when the stream ends.</summary>
internal sealed class ChannelObserver(ChannelWriter<string> writer, IGraphQLTextSerializer serializer) : IObserver<ExecutionResult>
{
    public void OnNext(ExecutionResult value) => writer.TryWrite(serializer.Serialize(value));

    public void OnError(Exception error) => writer.TryComplete(error);

    public void OnCompleted() => writer.TryComplete();
}
