using BenchmarkDotNet.Running;
using FederatedGateway.Benchmarks;

// dotnet run -c Release --project tools/FederatedGateway.Benchmarks                  run the micro benchmarks
//   (BenchmarkDotNet options apply: -- --filter '*' --job short for a quick run, --job dry to check that they run;
//   GatewayBenchmarks: Parse, PrepareCold, Plan (cold), ExecuteCachedOperation; RequestStageBenchmarks: Validate,
//   PrepareCached (prepared-operation cache hit), WriteResponse; WireCodecBenchmarks: the gRPC wire layer, ours
//   against Google.Protobuf's CodedInputStream/CodedOutputStream)
// dotnet run -c Release --project tools/FederatedGateway.Benchmarks -- --record URL  re-record Data/answers.json
//   from the benchmark subgraphs at URL (e.g. http://127.0.0.1:14300), written to the current directory
// dotnet run -c Release --project tools/FederatedGateway.Benchmarks -- --compose-once   one cold composition of
//   the large synthetic graph: wall time and peak working set
// dotnet run -c Release --project tools/FederatedGateway.Benchmarks -- --large-schema   the gateway on the large
//   synthetic graph (5,006 types), loaded in a fresh process: load time, peak RSS, cold prepare median/p95
// dotnet run -c Release --project tools/FederatedGateway.Benchmarks -- --execute-loop SECONDS   ExecuteCachedOperation
//   in a loop (for perf / dotnet-trace to watch), then calls per second and bytes allocated per call; add
//   --telemetry [none|tracing|metrics|both|exported] for the same with the OpenTelemetry SDK recording (TelemetryBenchmarks)
// dotnet run -c Release --project tools/FederatedGateway.Benchmarks -- --varied-traffic SUPERGRAPH OUT [COUNT] [SEED] [EXCLUDED]
//   the varied-traffic operations of tools/loadbench (COUNT distinct generated queries, default 240, seed 2121, less
//   those numbered in EXCLUDED, e.g. 3,17, plus ten mutations), one JSON body per line (see tools/loadbench/data/varied)
if (args.Length == 2 && args[0] == "--execute-loop" && int.TryParse(args[1], out var seconds) && seconds > 0)
{
    return GatewayBenchmarks.Loop(TimeSpan.FromSeconds(seconds));
}

if (args.Length is 3 or 4 && args[0] == "--execute-loop" && args[2] == "--telemetry" && int.TryParse(args[1], out var telemetrySeconds))
{
    return TelemetryBenchmarks.Loop(TimeSpan.FromSeconds(telemetrySeconds), args.Length == 4 ? args[3] : "both");
}

if (args.Length is >= 3 and <= 6 && args[0] == "--varied-traffic")
{
    var excluded = args.Length > 5 ? args[5].Split(',').Select(int.Parse).ToHashSet() : [];
    return VariedTraffic.Write(args[1], args[2], args.Length > 3 ? int.Parse(args[3]) : 240, args.Length > 4 ? int.Parse(args[4]) : 2121, excluded);
}

if (args.Length == 1 && args[0] == "--compose-once")
{
    return ComposeBenchmarks.RunOnce();
}

if (args.Length == 1 && args[0] == "--large-schema")
{
    return await LargeSchemaRun.RunAsync();
}

if (args.Length == 2 && args[0] == "--load-supergraph")
{
    return await LargeSchemaRun.LoadAsync(args[1]);
}

if (args.Length == 2 && args[0] == "--record")
{
    return await BenchGraph.RecordAsync(args[1]);
}

BenchmarkSwitcher.FromAssembly(typeof(GatewayBenchmarks).Assembly).Run(args);
return 0;
