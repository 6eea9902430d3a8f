namespace FederatedGateway.Testing.Composition;

/// <summary>How a definition differs between the expected and the actual supergraph.</summary>
public enum DifferenceKind
{
    /// <summary>Only the expected supergraph defines it.</summary>
    Missing,

    /// <summary>Only the actual supergraph defines it.</summary>
    Extra,

    /// <summary>Both define it, with different canonical lines.</summary>
    Changed,
}
