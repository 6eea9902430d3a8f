namespace FederatedGateway.DifferentialTests.Travel;

public sealed record City(string Code, string Name, string Country);

public sealed record Carrier(string Code, string Name);

public sealed record Hotel(string Id, string Title, string CityCode, int Stars);

public sealed record Flight(string Id, string Title, string CityCode, string Number, Carrier Carrier, int DistanceKm);

public sealed record Traveller(string Id, string Name, string Tier);

/// <summary>A booking of a hotel (with the hotel title as booked) or a flight.</summary>
public sealed record Booking(string Id, string TravellerId, string Status, string? HotelId, string? HotelTitle, string? FlightId, int Nights, double Paid, string Currency);

public sealed record Review(string Id, string BookableId, int Rating, string Text, string AuthorId);

/// <summary>The travel graph's seed data, read by all four subgraphs (each uses only its own part).</summary>
public static class TravelData
{
    public static readonly City[] Cities =
    [
        new("LIS", "Lisbon", "Portugal"),
        new("OSL", "Oslo", "Norway"),
        new("KYO", "Kyoto", "Japan"),
    ];

    public static readonly Hotel[] Hotels =
    [
        new("h1", "Alfama Loft", "LIS", 4),
        new("h2", "Fjord House", "OSL", 3),
        new("h3", "Gion Inn", "KYO", 5),
    ];

    private static readonly Carrier Tap = new("TP", "TAP Air Portugal");
    private static readonly Carrier Sas = new("SK", "Scandinavian Airlines");

    /// <summary>Two flights share the number 1220 with different carriers: the composite key tells them apart.</summary>
    public static readonly Flight[] Flights =
    [
        new("f1", "Lisbon to Oslo", "OSL", "1220", Tap, 2750),
        new("f2", "Oslo to Kyoto", "KYO", "983", Sas, 8300),
        new("f3", "Oslo to Lisbon", "LIS", "1220", Sas, 2750),
    ];

    public static readonly Traveller[] Travellers =
    [
        new("t1", "Mira Costa", "GOLD"),
        new("t2", "Jonas Berg", "BASIC"),
        new("t3", "Ayaka Mori", "SILVER"),
    ];

    public static readonly Booking[] Bookings =
    [
        new("b1", "t1", "CONFIRMED", "h1", "Alfama Loft", null, 3, 540, "EUR"),
        new("b2", "t1", "CONFIRMED", null, null, "f1", 0, 180.5, "EUR"),
        new("b3", "t2", "CANCELLED", "h2", "Fjord House", null, 2, 0, "EUR"),
        new("b4", "t3", "CONFIRMED", "h3", "Gion Inn", "f2", 4, 1899.99, "USD"),
        new("b5", "t2", "CONFIRMED", null, null, "f3", 0, 95, "EUR"),
    ];

    public static readonly Review[] Reviews =
    [
        new("r1", "h1", 5, "Great view over the river.", "t1"),
        new("r2", "h1", 4, "Steep stairs.", "t2"),
        new("r3", "f1", 3, "Late but fine.", "t1"),
        new("r4", "h3", 5, "Quiet garden.", "t3"),
        new("r5", "f2", 2, "Long and cramped.", "t3"),
    ];

    public static IEnumerable<object> Bookables() => [.. Hotels, .. Flights];

    public static object? Bookable(string id) => Bookables().FirstOrDefault(b => b switch { Hotel h => h.Id == id, Flight f => f.Id == id, _ => false });
}
