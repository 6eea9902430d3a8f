using System.Linq.Expressions;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.Demo.Subgraphs.Orders.Schema;

/// <summary>
/// An entity another source owns, as this subgraph points at it: <c>type Name @key(fields: "key", resolvable: false)</c>
/// with the key field alone, so the gateway looks the rest up at the owner.
/// </summary>
internal abstract class UnresolvableEntityType<TSource> : ObjectGraphType<TSource>
{
    protected UnresolvableEntityType(string name, string key, Expression<Func<TSource, string>> keyField)
    {
        Name = name;
        this.Key(key, resolvable: false);
        Field(keyField);
    }
}
