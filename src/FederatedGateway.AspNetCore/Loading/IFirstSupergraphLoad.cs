namespace FederatedGateway.AspNetCore.Loading;

/// <summary>
/// The first load of the supergraph, which the host's start awaits. <see cref="GatewayRunner.RunGatewayAsync"/> runs it
/// before the host starts, so a supergraph that cannot be loaded ends the process with one line rather than with the
/// host's "Hosting failed to start" log and its stack trace.
/// </summary>
internal interface IFirstSupergraphLoad
{
    /// <summary>Loads the supergraph once; later calls return the same task.</summary>
    Task LoadFirstAsync(CancellationToken cancellationToken);
}
