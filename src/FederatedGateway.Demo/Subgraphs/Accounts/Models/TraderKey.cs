namespace FederatedGateway.Demo.Subgraphs.Accounts.Models;

/// <summary>The <c>Trader</c> entity representation received by <c>_entities</c>: <c>{ __typename id }</c>.</summary>
internal sealed class TraderKey
{
    public string Id { get; set; } = "";
}
