using GraphQL;
using GraphQL.Types;

namespace FgwSubgraph.Schema;

public sealed class SubgraphSchema : GraphQL.Types.Schema
{
    public SubgraphSchema(IServiceProvider services, SubgraphQuery query)
        : base(services)
    {
        Query = query;
    }
}

public sealed class SubgraphQuery : ObjectGraphType
{
    public SubgraphQuery()
    {
        Name = "Query";

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductType>>>, IReadOnlyList<Product>>("products")
            .Resolve(context => context.RequestServices!.GetRequiredService<ProductCatalog>().All);

        Field<ProductType, Product>("product")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(context => context.RequestServices!.GetRequiredService<ProductCatalog>().Find(context.GetArgument<string>("id")));
    }
}
