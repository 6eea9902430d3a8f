using System.Net.Http.Headers;
using FederatedGateway.Core.Text;

namespace FederatedGateway.Execution.Transport.Replicas;

/// <summary>
/// Probes every replica of one subgraph each <see cref="ReplicaHealthCheckOptions.Interval"/> (all replicas at once,
/// each within its timeout) and reports the results to its <see cref="ReplicaSet"/>. Runs until disposed.
/// </summary>
internal sealed class ReplicaHealthChecker : IDisposable
{
    private readonly ReplicaSet _set;
    private readonly HttpMessageInvoker _client;
    private readonly ReplicaHealthCheckOptions _options;
    private readonly byte[] _queryBody;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ReplicaHealthChecker(ReplicaSet set, HttpMessageHandler handler)
    {
        _set = set;
        _options = set.Options.HealthCheck;
        _client = new HttpMessageInvoker(handler, disposeHandler: true);
        _queryBody = JsonText.ObjectWithOneString("query", _options.Query);
        _loop = Task.Run(RunAsync);
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(_options.Interval);
        try
        {
            do
            {
                var probes = new Task[_set.Replicas.Count];
                for (var i = 0; i < probes.Length; i++)
                {
                    probes[i] = ProbeAsync(_set.Replicas[i]);
                }

                await Task.WhenAll(probes).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task ProbeAsync(Replica replica)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var request = CreateProbe(replica);
            using var response = await _client.SendAsync(request, timeout.Token).ConfigureAwait(false);
            // A health path must answer 2xx; the GraphQL probe only needs an answer below 500 (a subgraph that wants
            // credentials the probe does not carry answers 401 and is alive).
            if (response.IsSuccessStatusCode || (_options.Path is null && (int)response.StatusCode < 500))
            {
                _set.ProbePassed(replica);
            }
            else
            {
                _set.ProbeFailed(replica, $"HTTP {(int)response.StatusCode}");
            }
        }
        catch (OperationCanceledException) when (!_stop.IsCancellationRequested)
        {
            _set.ProbeFailed(replica, "no answer within the timeout");
        }
        catch (HttpRequestException ex)
        {
            _set.ProbeFailed(replica, TransportFailure.Describe(ex.HttpRequestError));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        catch (Exception ex) when (ex is InvalidOperationException or UriFormatException or IOException)
        {
            _set.ProbeFailed(replica, ex.GetType().Name);
        }
    }

    private HttpRequestMessage CreateProbe(Replica replica)
    {
        if (_options.Path is { } path)
        {
            return new HttpRequestMessage(HttpMethod.Get, new Uri(replica.Uri, path));
        }

        var content = new ByteArrayContent(_queryBody);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, replica.Uri) { Content = content };
        request.Headers.TryAddWithoutValidation("Accept", "application/graphql-response+json, application/json");
        return request;
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _client.Dispose();
        _stop.Dispose();
    }
}
