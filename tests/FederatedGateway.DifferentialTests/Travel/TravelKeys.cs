namespace FederatedGateway.DifferentialTests.Travel;

/// <summary>An <c>_entities</c> representation known by id only.</summary>
public sealed class IdKey
{
    public string Id { get; set; } = "";
}

/// <summary><c>City</c> by its code.</summary>
public sealed class CityKey
{
    public string Code { get; set; } = "";
}

/// <summary>pricing's Hotel: id plus the <c>@requires</c> data (stars, city code) when the gateway sends it.</summary>
public sealed class PricedHotel
{
    public string Id { get; set; } = "";

    public int? Stars { get; set; }

    public CityKey? City { get; set; }
}

/// <summary>pricing's Flight: the composite key <c>number carrier { code }</c> plus <c>distanceKm</c> when required.</summary>
public sealed class PricedFlight
{
    public string Number { get; set; } = "";

    public CarrierCode Carrier { get; set; } = new();

    public int? DistanceKm { get; set; }
}

public sealed class CarrierCode
{
    public string Code { get; set; } = "";
}

/// <summary>Money as pricing and bookings both serve it (a shareable value type).</summary>
public sealed record Money(double Amount, string Currency)
{
    public static Money Of(double amount, string currency) => new(Math.Round(amount, 2, MidpointRounding.AwayFromZero), currency);
}

/// <summary>inventory's Flight, by either key: <c>id</c> or <c>number carrier { code }</c>.</summary>
public sealed class FlightKey
{
    public string? Id { get; set; }

    public string? Number { get; set; }

    public CarrierCode? Carrier { get; set; }
}
