namespace FederatedGateway.DifferentialTests.Bench;

public sealed record User(string Id, string Name, string Username, int Birthday);

public sealed record Product(string Upc, string Name, int Price, int Weight);

public sealed record Review(string Id, string Body, string ProductUpc, string AuthorId);

/// <summary>
/// The benchmark graph's shape (accounts, products, inventory, reviews) with consistent data of its own: the
/// shared benchmark subgraphs answer some fields with fixed values, which would hide wrong representations.
/// </summary>
public static class BenchData
{
    public static readonly User[] Users =
    [
        new("1", "Uri Goldshtein", "urigo", 1234567890),
        new("2", "Dotan Simha", "dotansimha", 1234567891),
        new("3", "Kamil Kisiela", "kamilkisiela", 1234567892),
        new("4", "Arda Tanrikulu", "ardatan", 1234567893),
    ];

    public static readonly Product[] Products =
    [
        new("1", "Table", 899, 100),
        new("2", "Couch", 1299, 1000),
        new("3", "Glass", 15, 20),
        new("4", "Chair", 499, 100),
        new("5", "TV", 1299, 1000),
        new("6", "Lamp", 6999, 300),
    ];

    public static readonly Dictionary<string, bool> InStock = new() { ["1"] = true, ["2"] = false, ["3"] = false, ["4"] = true, ["5"] = true, ["6"] = false };

    public static readonly Review[] Reviews =
    [
        new("1", "Sturdy.", "1", "1"),
        new("2", "Wobbly.", "1", "2"),
        new("3", "Solid oak.", "1", "3"),
        new("4", "Fine.", "1", "1"),
        new("5", "Comfy.", "2", "2"),
        new("6", "Too big.", "2", "1"),
        new("7", "Soft.", "2", "4"),
        new("8", "Blue.", "2", "3"),
        new("9", "Clear.", "3", "4"),
        new("10", "Tall.", "4", "2"),
    ];

    /// <summary>What inventory computes from the representation's price and weight (null without them).</summary>
    public static int? ShippingEstimate(int? price, int? weight) =>
        price is null || weight is null ? null : price > 1000 ? 0 : weight / 2;
}

/// <summary>A representation of Product: the key, plus price and weight when shippingEstimate @requires them.</summary>
public sealed class ProductKey { public string Upc { get; set; } = ""; public int? Price { get; set; } public int? Weight { get; set; } }

public sealed class UserKey { public string Id { get; set; } = ""; public string? Username { get; set; } }

public sealed class ReviewKey { public string Id { get; set; } = ""; }
