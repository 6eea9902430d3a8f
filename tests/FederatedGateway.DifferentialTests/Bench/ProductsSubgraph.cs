using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.DifferentialTests.Bench.Products;

public sealed class ProductType : ObjectGraphType<Product>
{
    public ProductType()
    {
        Name = "Product";
        this.Key("upc");
        this.ResolveReference<ProductKey, Product>((_, key) => BenchData.Products.FirstOrDefault(p => p.Upc == key.Upc));
        Field<NonNullGraphType<StringGraphType>>("upc").Resolve(c => c.Source.Upc);
        Field<StringGraphType>("name").Resolve(c => c.Source.Name);
        Field<IntGraphType>("price").Resolve(c => c.Source.Price);
        Field<IntGraphType>("weight").Resolve(c => c.Source.Weight);
    }
}

public sealed class ProductsQuery : ObjectGraphType
{
    public ProductsQuery()
    {
        Name = "Query";
        Field<ListGraphType<ProductType>>("topProducts").Argument<IntGraphType>("first", a => a.DefaultValue = 5)
            .Resolve(c => BenchData.Products.Take(c.GetArgument<int?>("first") ?? 5).ToList());
    }
}

public sealed class ProductsSchema : Schema
{
    public ProductsSchema(IServiceProvider services, ProductsQuery query, ProductType product)
        : base(services)
    {
        Query = query;
        RegisterType(product);
    }
}
