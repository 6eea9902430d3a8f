using System.CommandLine;
using FederatedGateway.Demo.Apis;
using FederatedGateway.Demo.Grpc;

namespace FederatedGateway.Demo;

/// <summary>The demo's command line (System.CommandLine): where the gateway listens and the subgraphs' ports.</summary>
internal sealed class DemoCommandLine
{
    private const string PortsHelp = "three, five or seven port numbers, e.g. 4101,4102,4103,4104,4105,4106,4107 (0 = any free port)";

    public DemoCommandLine()
    {
        Root = new RootCommand("The fintech demo: three GraphQL subgraphs, two gRPC services, a REST and a SOAP service and the gateway in front of them, on 127.0.0.1.")
        {
            Urls,
            SubgraphPorts,
            DataDirectory,
            SubgraphsOnly,
        };
    }

    public RootCommand Root { get; }

    public Option<string> Urls { get; } = new("--urls")
    {
        Description = "where the gateway listens",
        HelpName = "url",
        DefaultValueFactory = _ => "http://127.0.0.1:4100",
    };

    /// <summary>Where the demo keeps its JWT signing key and key set (made at first start, reused after).</summary>
    public Option<string> DataDirectory { get; } = new("--data-dir")
    {
        Description = "where the demo keeps its JWT signing key (made at first start)",
        HelpName = "folder",
        DefaultValueFactory = _ => Security.DemoIssuer.DefaultDataDirectory,
    };

    /// <summary>Only the subgraphs and the gRPC, REST and SOAP services, without the gateway (to put another gateway in front of them).</summary>
    public Option<bool> SubgraphsOnly { get; } = new("--subgraphs-only")
    {
        Description = "start the subgraphs and the gRPC, REST and SOAP services without the gateway",
    };

    /// <summary>accounts, portfolio, orders[, marketdata, risk[, settlement, fx]]; the services whose ports are not given get free ones.</summary>
    public Option<int[]> SubgraphPorts { get; } = new("--subgraph-ports")
    {
        Description = "the ports of accounts, portfolio, orders[, marketdata, risk[, settlement, fx]]: " + PortsHelp,
        HelpName = "ports",
        CustomParser = result =>
        {
            var parts = result.Tokens.Count == 1 ? result.Tokens[0].Value.Split(',') : [];
            var ports = new int[parts.Length];
            if (parts.Length is not (3 or 5 or 7) || !parts.Select((p, i) => int.TryParse(p, out ports[i]) && ports[i] is >= 0 and <= 65535).All(ok => ok))
            {
                result.AddError("--subgraph-ports takes " + PortsHelp + ".");
            }

            return ports;
        },
    };

    public static DemoPorts GraphQLPorts(int[]? ports) => ports is null ? DemoPorts.Fixed : new DemoPorts(ports[0], ports[1], ports[2]);

    public static DemoGrpcPorts GrpcPorts(int[]? ports) => ports switch
    {
        null => DemoGrpcPorts.Fixed,
        { Length: >= 5 } => new DemoGrpcPorts(ports[3], ports[4]),
        _ => DemoGrpcPorts.Ephemeral,
    };

    public static DemoApiPorts ApiPorts(int[]? ports) => ports switch
    {
        null => DemoApiPorts.Fixed,
        { Length: 7 } => new DemoApiPorts(ports[5], ports[6]),
        _ => DemoApiPorts.Ephemeral,
    };
}
