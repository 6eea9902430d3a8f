using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.Demo.Hosting;
using FederatedGateway.Grpc.Composition;
using FederatedGateway.Grpc.Sources;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.Demo.Grpc;

/// <summary>The running demo gRPC services (h2c on 127.0.0.1, server reflection on). Disposing stops them.</summary>
public sealed class DemoGrpcHost : DemoServiceGroup
{
    /// <summary>The subgraph name of the market-data service.</summary>
    public const string MarketData = "marketdata";

    /// <summary>The subgraph name of the risk service.</summary>
    public const string Risk = "risk";

    internal DemoGrpcHost(IReadOnlyList<DemoSubgraphEndpoint> services, IReadOnlyList<WebApplication> apps, DemoGrpcCalls calls)
        : base(services, apps) => Calls = calls;

    public DemoGrpcCalls Calls { get; }

    /// <summary>The generated descriptors of each service: how the demo gateway knows them (no reflection round trip).</summary>
    public static IReadOnlyDictionary<string, FileDescriptor> Descriptors { get; } = new Dictionary<string, FileDescriptor>(StringComparer.Ordinal)
    {
        [MarketData] = Market.MarketDataReflection.Descriptor,
        [Risk] = FederatedGateway.Demo.Grpc.Risk.RiskReflection.Descriptor,
    };

    /// <summary>
    /// How the demo gateway knows a service: its generated descriptors with the fgw options of its entry in
    /// <c>supergraph-grpc.yaml</c> (the protos carry none), so it translates exactly as composition did.
    /// </summary>
    public static GrpcSourceDefinition SourceDefinition(string service)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "supergraph-grpc.yaml");
        var entry = SupergraphConfigReader.Read(path).Subgraphs.Single(s => s.Name == service);
        var configured = GrpcConfigSources.Read(entry, AppContext.BaseDirectory).Source;
        return configured with { Generated = [Descriptors[service]], DescriptorSetPath = null };
    }
}
