using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.DifferentialTests.Travel.Pricing;

public sealed class CurrencyType : EnumerationGraphType
{
    public CurrencyType()
    {
        Name = "Currency";
        Add("EUR", "EUR");
        Add("USD", "USD");
    }
}

public sealed class CabinType : EnumerationGraphType
{
    public CabinType()
    {
        Name = "Cabin";
        Add("ECONOMY", "ECONOMY");
        Add("BUSINESS", "BUSINESS");
    }
}

public sealed class MoneyType : ObjectGraphType<Money>
{
    public MoneyType()
    {
        Name = "Money";
        this.Shareable();
        Field<NonNullGraphType<FloatGraphType>>("amount").Resolve(c => c.Source.Amount);
        Field<NonNullGraphType<StringGraphType>>("currency").Resolve(c => c.Source.Currency);
    }
}

public sealed class CityType : ObjectGraphType<CityKey>
{
    public CityType()
    {
        Name = "City";
        this.Key("code", resolvable: false);
        Field<NonNullGraphType<IdGraphType>>("code").Resolve(c => c.Source.Code);
    }
}

public sealed class CarrierType : ObjectGraphType<CarrierCode>
{
    public CarrierType()
    {
        Name = "Carrier";
        this.Shareable();
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
    }
}

/// <summary>Hotel prices: nightlyRate(currency) @requires stars and city { code }; cityTax @requires stars.</summary>
public sealed class HotelType : ObjectGraphType<PricedHotel>
{
    private const double UsdPerEur = 1.1;

    public HotelType()
    {
        Name = "Hotel";
        this.Key("id");
        this.ResolveReference<PricedHotel, PricedHotel>((_, key) => key);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IntGraphType>>("stars").External().Resolve(c => c.Source.Stars);
        Field<NonNullGraphType<CityType>>("city").External().Resolve(c => c.Source.City);
        Field<NonNullGraphType<MoneyType>>("nightlyRate").Argument<CurrencyType>("currency", a => a.DefaultValue = "EUR")
            .Requires("stars city { code }")
            .Resolve(c =>
            {
                var stars = c.Source.Stars ?? throw new ExecutionError("stars not provided");
                var city = c.Source.City?.Code ?? throw new ExecutionError("city not provided");
                var eur = (stars * 40) + city switch { "LIS" => 10, "OSL" => 50, _ => 30 };
                return c.GetArgument<string>("currency") == "USD" ? Money.Of(eur * UsdPerEur, "USD") : Money.Of(eur, "EUR");
            });
        Field<NonNullGraphType<MoneyType>>("cityTax").Requires("stars")
            .Resolve(c => Money.Of((c.Source.Stars ?? throw new ExecutionError("stars not provided")) * 2.5, "EUR"));
    }
}

/// <summary>Flight fares, keyed by <c>number carrier { code }</c>: fare(cabin) @requires distanceKm.</summary>
public sealed class FlightType : ObjectGraphType<PricedFlight>
{
    public FlightType()
    {
        Name = "Flight";
        this.Key("number carrier { code }");
        this.ResolveReference<PricedFlight, PricedFlight>((_, key) => key);
        Field<NonNullGraphType<StringGraphType>>("number").Resolve(c => c.Source.Number);
        Field<NonNullGraphType<CarrierType>>("carrier").Shareable().Resolve(c => c.Source.Carrier);
        Field<NonNullGraphType<IntGraphType>>("distanceKm").External().Resolve(c => c.Source.DistanceKm);
        Field<NonNullGraphType<MoneyType>>("fare").Argument<CabinType>("cabin", a => a.DefaultValue = "ECONOMY")
            .Requires("distanceKm")
            .Resolve(c =>
            {
                var km = c.Source.DistanceKm ?? throw new ExecutionError("distanceKm not provided");
                return Money.Of(km * (c.GetArgument<string>("cabin") == "BUSINESS" ? 0.25 : 0.08), "EUR");
            });
    }
}

public sealed class PricingQuery : ObjectGraphType
{
    public PricingQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CurrencyType>>>>("currencies").Resolve(_ => new[] { "EUR", "USD" });
    }
}

public sealed class PricingSchema : Schema
{
    public PricingSchema(IServiceProvider services, PricingQuery query, HotelType hotel, FlightType flight)
        : base(services)
    {
        Query = query;
        RegisterType(hotel);
        RegisterType(flight);
    }
}
