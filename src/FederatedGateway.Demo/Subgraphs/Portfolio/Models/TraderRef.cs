namespace FederatedGateway.Demo.Subgraphs.Portfolio.Models;

/// <summary>A trader owned by the accounts subgraph, known here by its key only.</summary>
internal sealed class TraderRef
{
    public string Id { get; set; } = "";
}
