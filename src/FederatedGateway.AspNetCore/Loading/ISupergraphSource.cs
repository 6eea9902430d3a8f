namespace FederatedGateway.AspNetCore.Loading;

/// <summary>Where the gateway's supergraph comes from: a supergraph file, or subgraph sources composed at start.</summary>
internal interface ISupergraphSource
{
    /// <summary>For messages, e.g. the file path.</summary>
    string Description { get; }

    /// <summary>The files whose change means loading again (known after a load).</summary>
    IReadOnlyCollection<string> WatchedFiles { get; }

    /// <summary>Remarks of the last load worth logging (composition hints), empty for a plain file.</summary>
    IReadOnlyList<string> Notes { get; }

    /// <summary>Raised when the supergraph should be loaded again for a reason no watched file shows (a gRPC source that came back).</summary>
    event Action? Changed;

    /// <exception cref="SupergraphLoadException">The supergraph cannot be produced; the message says why.</exception>
    Task<string> LoadSdlAsync(CancellationToken cancellationToken);
}
