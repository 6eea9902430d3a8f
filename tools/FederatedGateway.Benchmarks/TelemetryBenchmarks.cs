using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FederatedGateway.Benchmarks;

/// <summary>
/// A whole request with the operation cached (as <see cref="GatewayBenchmarks.ExecuteCachedOperation"/>), with the
/// OpenTelemetry SDK recording every span and metric or with nothing listening: what the gateway's own telemetry
/// code and the SDK's recording cost per request (the exporter drops each batch), and with the OTLP exporter
/// serializing every batch and posting it over HTTP/protobuf to a handler that accepts it at once ("exported": what
/// exporting costs the gateway, without a network or a collector).
/// </summary>
[MemoryDiagnoser]
public class TelemetryBenchmarks
{
    private FederatedGatewayExecutor _gateway = null!;
    private TracerProvider? _tracing;
    private MeterProvider? _metrics;

    /// <summary>What the OpenTelemetry SDK records: nothing listening, spans, metrics, or both.</summary>
    [Params("none", "tracing", "metrics", "both", "exported")]
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

        if (Signals is "exported")
        {
            _tracing = Sdk.CreateTracerProviderBuilder().AddSource(GatewayTelemetry.Name).SetSampler(new AlwaysOnSampler())
                .AddOtlpExporter(exporter =>
                {
                    exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                    exporter.Endpoint = new Uri("http://127.0.0.1:9/v1/traces");
                    exporter.HttpClientFactory = () => new HttpClient(new AcceptingHandler());
                    exporter.BatchExportProcessorOptions.MaxExportBatchSize = ExportBatch;
                }).Build();
        }

        if (Signals is "metrics" or "both" or "exported")
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
    public static int Loop(TimeSpan duration, string signals = "both")
    {
        var benchmarks = new TelemetryBenchmarks { Signals = signals };
        if (int.TryParse(Environment.GetEnvironmentVariable("OTEL_BSP_MAX_EXPORT_BATCH_SIZE"), out var batch))
        {
            benchmarks.ExportBatch = batch;
        }

        benchmarks.Setup();
        // A fifth of the time (at most 10 s) warms up untimed, so that tiered compilation is done when the count starts.
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed < TimeSpan.FromTicks(Math.Min(duration.Ticks / 5, TimeSpan.FromSeconds(10).Ticks)))
        {
            benchmarks.ExecuteCachedOperation().GetAwaiter().GetResult();
        }

        var count = 0;
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        var watch = Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        while (watch.Elapsed < duration)
        {
            benchmarks.ExecuteCachedOperation().GetAwaiter().GetResult();
            count++;
        }

        var cpuPerCall = (Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / Math.Max(count, 1);
        var perThousand = 1000.0 / Math.Max(count, 1);
        var gcs = $"GCs per 1000 calls: gen0 {(GC.CollectionCount(0) - gen0) * perThousand:0.0}, gen1 {(GC.CollectionCount(1) - gen1) * perThousand:0.0}, "
            + $"gen2 {(GC.CollectionCount(2) - gen2) * perThousand:0.00}; GC pause {(GC.GetTotalPauseDuration() - pause).TotalMicroseconds / Math.Max(count, 1):0.0} us per call";
        benchmarks.Cleanup();
        Console.WriteLine($"signals: {signals}, executions: {count}, {watch.Elapsed.TotalMilliseconds * 1000 / Math.Max(count, 1):0} us each, {cpuPerCall:0} us of process CPU each; {gcs}");
        return 0;
    }

    /// <summary>Answers every export with 200 and an empty body, after reading it.</summary>
    private sealed class AcceptingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is { } content)
            {
                await content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            }

            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
        }
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
