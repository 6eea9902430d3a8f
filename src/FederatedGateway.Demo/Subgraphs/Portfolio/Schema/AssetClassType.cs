using FederatedGateway.Demo.Subgraphs.Portfolio.Models;
using GraphQL.Types;

namespace FederatedGateway.Demo.Subgraphs.Portfolio.Schema;

/// <summary><c>enum AssetClass { EQUITY ETF BOND }</c>.</summary>
internal sealed class AssetClassType : EnumerationGraphType<AssetClass>
{
    public AssetClassType()
    {
        Name = "AssetClass";
    }
}
