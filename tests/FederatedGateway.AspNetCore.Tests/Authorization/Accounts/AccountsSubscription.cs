using GraphQL;
using GraphQL.Types;

namespace FederatedGateway.AspNetCore.Tests.Authorization.Accounts;

/// <summary><c>traderUpdated</c>: each trader once, then the stream ends.</summary>
public sealed class AccountsSubscription : ObjectGraphType
{
    public AccountsSubscription()
    {
        Name = "Subscription";
        Field<TraderType, Trader>("traderUpdated")
            .ResolveStream(_ => new FiniteObservable<Trader?>(TradingData.Traders))
            .Resolve(context => (Trader)context.Source!);
    }
}
