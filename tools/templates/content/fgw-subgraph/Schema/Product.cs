namespace FgwSubgraph.Schema;

/// <summary>The entity this subgraph owns; replace it with yours.</summary>
public sealed record Product(string Id, string Name, double Price);

/// <summary>What the gateway sends to <c>_entities</c> for a <see cref="Product"/>: its key fields.</summary>
public sealed class ProductKey
{
    public string Id { get; set; } = "";
}

/// <summary>The data; a database or a service in a real subgraph.</summary>
public sealed class ProductCatalog
{
    public IReadOnlyList<Product> All { get; } =
    [
        new("p1", "Keyboard", 49.9),
        new("p2", "Monitor", 229.0),
    ];

    public Product? Find(string id) => All.FirstOrDefault(p => p.Id == id);
}
