using GraphQL.Federation;
using GraphQL.Types;

namespace FgwSubgraph.Schema;

/// <summary><c>type Product @key(fields: "id")</c>: other subgraphs can extend it by its id.</summary>
public sealed class ProductType : ObjectGraphType<Product>
{
    public ProductType()
    {
        Name = "Product";
        this.Key("id");
        this.ResolveReference<ProductKey, Product>((context, key) =>
            context.RequestServices!.GetRequiredService<ProductCatalog>().Find(key.Id));

        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(p => p.Name);
        Field(p => p.Price);
    }
}
