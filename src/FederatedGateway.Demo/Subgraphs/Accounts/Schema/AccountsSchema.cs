using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.Demo.Subgraphs.Accounts.Schema;

/// <summary>The accounts subgraph schema.</summary>
internal sealed class AccountsSchema : GraphQL.Types.Schema
{
    public AccountsSchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<AccountsQuery>();
    }
}
