using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.AspNetCore.Tests.Authorization.Accounts;

public sealed class AccountsSchema : Schema
{
    public AccountsSchema(IServiceProvider services, AccountsQuery query, AccountsSubscription subscription, TraderType trader, DeskType desk)
        : base(services)
    {
        Query = query;
        Subscription = subscription;
        RegisterType(trader);
        RegisterType(desk);
    }
}
