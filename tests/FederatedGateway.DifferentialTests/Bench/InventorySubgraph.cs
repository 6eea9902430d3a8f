using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.DifferentialTests.Bench.Inventory;

/// <summary>Product extended with stock and a shipping estimate that @requires price and weight.</summary>
public sealed class ProductType : ObjectGraphType<ProductKey>
{
    public ProductType()
    {
        Name = "Product";
        this.Key("upc");
        this.ResolveReference<ProductKey, ProductKey>((_, key) => BenchData.InStock.ContainsKey(key.Upc) ? key : null);
        Field<NonNullGraphType<StringGraphType>>("upc").Resolve(c => c.Source.Upc);
        Field<IntGraphType>("weight").External().Resolve(c => c.Source.Weight);
        Field<IntGraphType>("price").External().Resolve(c => c.Source.Price);
        Field<BooleanGraphType>("inStock").Resolve(c => BenchData.InStock[c.Source.Upc]);
        Field<IntGraphType>("shippingEstimate").Requires("price weight")
            .Resolve(c => BenchData.ShippingEstimate(c.Source.Price, c.Source.Weight));
    }
}

public sealed class InventoryQuery : ObjectGraphType
{
    public InventoryQuery()
    {
        Name = "Query";

        // A subgraph needs a query root; this one adds no root field to the graph.
        Field<StringGraphType>("_inventory").Resolve(_ => null);
    }
}

public sealed class InventorySchema : Schema
{
    public InventorySchema(IServiceProvider services, InventoryQuery query, ProductType product)
        : base(services)
    {
        Query = query;
        RegisterType(product);
    }
}
