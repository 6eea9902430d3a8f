using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.AspNetCore.Tests.Authorization.Accounts;

public sealed class SearchResultUnion : UnionGraphType
{
    public SearchResultUnion()
    {
        Name = "SearchResult";
        Type<TraderType>();
        Type<DeskType>();
    }
}
