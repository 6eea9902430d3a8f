namespace FederatedGateway.Grpc.Tests.Infrastructure;

/// <summary>
/// The Node ledger service (NodeService/server.mjs: @grpc/grpc-js, @grpc/proto-loader, @grpc/reflection) as a
/// child process on 127.0.0.1: its npm packages are installed once per test run (<see cref="NodePackages"/>),
/// the process is started on the given port (0 = any free one, read from the line it prints when ready) and
/// killed on dispose. The gateway side never sees its proto.
/// </summary>
public sealed class NodeLedgerServer : IAsyncDisposable
{
    private readonly NodeScript _script;

    private NodeLedgerServer(NodeScript script) => _script = script;

    public int Port => _script.Port;

    /// <summary><c>grpc://127.0.0.1:port</c>.</summary>
    public string Url => $"grpc://127.0.0.1:{Port}";

    /// <param name="port">The port to listen on; 0 = any free port.</param>
    /// <param name="reflection">Which reflection versions it serves: both, v1, v1alpha or none.</param>
    /// <param name="dependencies">sent: reflection answers with a file and the files it uses (@grpc/reflection's way); withheld: with the file alone.</param>
    public static async Task<NodeLedgerServer> StartAsync(int port = 0, string reflection = "both", string dependencies = "sent") =>
        new(await NodeScript.StartAsync("server.mjs", port, "--reflection", reflection, "--dependencies", dependencies));

    /// <summary>Ends the process (and waits for it), so its port is free again.</summary>
    public ValueTask DisposeAsync() => _script.DisposeAsync();
}
