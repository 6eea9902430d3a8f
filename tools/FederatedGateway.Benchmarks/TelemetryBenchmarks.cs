using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FederatedGateway.Benchmarks;

/// <summary>
/// A whole request with the operation cached (as <see cref="GatewayBenchmarks.ExecuteCachedOperation"/>), with the
/// OpenTelemetry SDK recording every span and metric or with nothing listening: what the gateway's own telemetry
/// code and the SDK's recording cost per request (exporting is left out: the exporter drops each batch).
/// </summary>
[MemoryDiagnoser]
public class TelemetryBenchmarks
{
    private FederatedGatewayExecutor _gateway = null!;
    private TracerProvider? _tracing;
    private MeterProvider? _metrics;

    /// <summary>What the OpenTelemetry SDK records: nothing listening, spans, metrics, or both.</summary>
    [Params("none", "tracing", "metrics", "both")]
    public string Signals { get; set; } = "none";

    public int ExportBatch { get; set; } = 512;

    [GlobalSetup]
    public void Setup()
    {
        if (Signals is "tracing" or "both")
        {
            _tracing = Sdk.CreateTracerProviderBuilder().AddSource(GatewayTelemetry.Name).SetSampler(new AlwaysOnSampler())
                .AddProcessor(new BatchActivityExportProcessor(new DroppingExporter(), maxExportBatchSize: ExportBatch)).Build();
        }

        if (Signals is "metrics" or "both")
        {
            _metrics = Sdk.CreateMeterProviderBuilder().AddMeter(GatewayTelemetry.Name)
                .AddReader(new PeriodicExportingMetricReader(new DroppingMetricExporter(), 10_000)).Build();
        }

        _gateway = BenchGraph.Gateway(ReplayingSubgraphClient.Load(BenchGraph.DataFile("answers.json")));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _tracing?.Dispose();
        _metrics?.Dispose();
    }

    [Benchmark]
    public async Task<int> ExecuteCachedOperation()
    {
        using var result = await _gateway.ExecuteAsync(BenchGraph.Request(), CancellationToken.None);
        return result.Body.Length;
    }

    /// <summary>Runs the recording variant in a loop for a profiler to watch.</summary>
    public static int Loop(TimeSpan duration)
    {
        var benchmarks = new TelemetryBenchmarks { Signals = "both" };
        benchmarks.Setup();
        var count = 0;
        var watch = Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        while (watch.Elapsed < duration)
        {
            benchmarks.ExecuteCachedOperation().GetAwaiter().GetResult();
            count++;
        }

        var cpuPerCall = (Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / Math.Max(count, 1);
        benchmarks.Cleanup();
        Console.WriteLine($"executions: {count}, {watch.Elapsed.TotalMilliseconds * 1000 / Math.Max(count, 1):0} us each, {cpuPerCall:0} us of process CPU each");
        return 0;
    }

    private sealed class DroppingExporter : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch) => ExportResult.Success;
    }

    private sealed class DroppingMetricExporter : BaseExporter<Metric>
    {
        public override ExportResult Export(in Batch<Metric> batch) => ExportResult.Success;
    }
}
