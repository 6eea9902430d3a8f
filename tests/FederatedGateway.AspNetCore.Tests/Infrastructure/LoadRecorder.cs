using System.Diagnostics;
using System.Text;

namespace FederatedGateway.AspNetCore.Tests.Infrastructure;

/// <summary>
/// Bounded concurrent load on one GraphQL endpoint: a fixed number of workers send <c>{ hello }</c> until stopped or a
/// request cap is reached, recording when each request started, how long it took and whether it was answered.
/// </summary>
public sealed class LoadRecorder : IAsyncDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<LoadSample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _workers;
    private readonly string _endpoint;
    private readonly int _cap;
    private int _sent;

    public LoadRecorder(string endpoint, int workers, int cap)
    {
        _endpoint = endpoint;
        _cap = cap;
        _workers = Enumerable.Range(0, workers).Select(_ => Task.Run(RunAsync)).ToArray();
    }

    /// <summary>Milliseconds since the load started.</summary>
    public double Now => _clock.Elapsed.TotalMilliseconds;

    public int Sent => Volatile.Read(ref _sent);

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested && Interlocked.Increment(ref _sent) <= _cap)
        {
            var start = Now;
            var ok = false;
            try
            {
                using var content = new StringContent("""{"query":"{ hello }"}""", Encoding.UTF8, "application/json");
                using var response = await _http.PostAsync(_endpoint, content, _stop.Token);
                var body = await response.Content.ReadAsStringAsync(_stop.Token);
                ok = response.IsSuccessStatusCode && body.Contains("\"hello\":\"world\"", StringComparison.Ordinal) && !body.Contains("\"errors\"", StringComparison.Ordinal);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
            }

            lock (_samples)
            {
                _samples.Add(new LoadSample(start, Now - start, ok));
            }
        }
    }

    /// <summary>The requests started in [<paramref name="fromMs"/>, <paramref name="toMs"/>): count, error rate (%), p99 latency (ms).</summary>
    public (int Count, double ErrorPercent, double P99Ms) Window(double fromMs, double toMs)
    {
        List<LoadSample> window;
        lock (_samples)
        {
            window = _samples.Where(s => s.StartMs >= fromMs && s.StartMs < toMs).ToList();
        }

        if (window.Count == 0)
        {
            return (0, 0, 0);
        }

        var latencies = window.Select(s => s.LatencyMs).Order().ToArray();
        var p99 = latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(latencies.Length * 0.99) - 1)];
        return (window.Count, 100.0 * window.Count(s => !s.Ok) / window.Count, p99);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await Task.WhenAll(_workers);
        _http.Dispose();
        _stop.Dispose();
    }
}
