using System.Buffers;
using System.Text;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Grpc.Tests.Infrastructure;

/// <summary>A GraphQL subgraph stand-in: answers every request with the JSON <see cref="Answer"/> gives for its body.</summary>
public sealed class CannedSubgraphClient(Func<string, string> answer) : ISubgraphClient
{
    public List<string> Requests { get; } = [];

    public ValueTask<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetString(request.Body.Span);
        lock (Requests)
        {
            Requests.Add(body);
        }

        var bytes = Encoding.UTF8.GetBytes(answer(body));
        var rented = ArrayPool<byte>.Shared.Rent(bytes.Length);
        bytes.CopyTo(rented, 0);
        return ValueTask.FromResult(SubgraphResponse.FromBody(rented, bytes.Length, 200));
    }

    private Func<string, string> Answer => answer;
}
