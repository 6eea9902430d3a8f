using FederatedGateway.Execution.Transport.Resilience;

namespace FederatedGateway.Execution.Transport.Replicas;

/// <summary>
/// Sends each attempt of a fetch to one replica of its subgraph (below the retry and circuit-breaker pipeline, so
/// every retry chooses again and prefers a replica the fetch has not tried) and tells the replica set how it went.
/// Subgraphs without replicas pass through untouched.
/// </summary>
public sealed class ReplicaRoutingHandler(ReplicaRegistry registry) : DelegatingHandler
{
    /// <summary>The replicas a fetch has tried so far (one bit per replica).</summary>
    private static readonly HttpRequestOptionsKey<ulong> TriedKey = new("fgw.replicas-tried");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.Options.TryGetValue(SubgraphResiliencePipelines.SubgraphKey, out var subgraph) && registry.TryGet(subgraph, out var set)
            ? SendToReplicaAsync(request, subgraph, set, cancellationToken)
            : base.SendAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendToReplicaAsync(
        HttpRequestMessage request, string subgraph, ReplicaSet set, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(TriedKey, out var tried);
        var replica = set.Choose(tried) ?? throw new NoHealthyReplicaException(subgraph);
        request.Options.Set(TriedKey, tried | replica.Bit);
        request.RequestUri = replica.Uri;

        var started = replica.Begin();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode >= 500)
            {
                set.Failed(replica, started);
            }
            else
            {
                set.Succeeded(replica, started);
            }

            return response;
        }
        catch (HttpRequestException)
        {
            set.Failed(replica, started);
            throw;
        }
        catch (OperationCanceledException)
        {
            set.Abandoned(replica, started);
            throw;
        }
        finally
        {
            replica.End();
        }
    }
}
