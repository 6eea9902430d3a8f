namespace FederatedGateway.DifferentialTests.Shelf;

public sealed record Book(string Id, string Title, int Pages);

public sealed record Album(string Id, string Title, int Tracks);

public sealed record Person(string Id, string Name, string[] Likes, string? Favorite);

/// <summary>An entity representation by id (with <c>pages</c> when Book.readingMinutes @requires it).</summary>
public sealed class ShelfKey { public string Id { get; set; } = ""; public int? Pages { get; set; } }

/// <summary>
/// The shelf graph's data: an entity interface (Item) that people extends as an @interfaceObject, and a union (Pick)
/// whose members differ between the two subgraphs.
/// </summary>
public static class ShelfData
{
    public static readonly Book[] Books = [new("k1", "Dune", 412), new("k2", "Emma", 474), new("k3", "Ulysses", 730)];

    public static readonly Album[] Albums = [new("a1", "Blue", 10), new("a2", "Kind of Blue", 5)];

    public static readonly Person[] People =
    [
        new("p1", "Ada", ["k1", "a1"], "k2"),
        new("p2", "Bob", ["a2", "k1"], "p1"),
        new("p3", "Cy", [], null),
    ];

    public static object? Item(string id) =>
        (object?)Books.FirstOrDefault(b => b.Id == id) ?? Albums.FirstOrDefault(a => a.Id == id);
}
