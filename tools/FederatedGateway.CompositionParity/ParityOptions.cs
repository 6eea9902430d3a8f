namespace FederatedGateway.CompositionParity;

/// <summary>What one run of the parity tool does, read from its command line by <see cref="ParityCommandLine"/>.</summary>
internal sealed class ParityOptions
{
    public required string AuditUrl { get; init; }

    public string? OutDirectory { get; init; }

    public bool WriteCanonical { get; init; }

    public int Details { get; init; }

    public required IReadOnlyList<string> Suites { get; init; }
}
