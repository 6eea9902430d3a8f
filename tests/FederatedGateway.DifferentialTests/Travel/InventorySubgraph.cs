using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.DifferentialTests.Travel.Inventory;

/// <summary>An entity interface: <c>_entities</c> for <c>Bookable</c> answers with the concrete type (Hotel or Flight).</summary>
public sealed class BookableInterface : InterfaceGraphType<object>
{
    public BookableInterface()
    {
        Name = "Bookable";
        this.Key("id");
        this.ResolveReference<IdKey, object>((_, key) => TravelData.Bookable(key.Id));
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("title");
        Field<NonNullGraphType<CityType>>("city");
    }
}

public sealed class CityType : ObjectGraphType<City>
{
    public CityType()
    {
        Name = "City";
        this.Key("code");
        this.ResolveReference<CityKey, City>((_, key) => TravelData.Cities.FirstOrDefault(c => c.Code == key.Code));
        Field<NonNullGraphType<IdGraphType>>("code").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("country").Resolve(c => c.Source.Country);
    }
}

public sealed class CarrierType : ObjectGraphType<Carrier>
{
    public CarrierType()
    {
        Name = "Carrier";
        this.Shareable();
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
    }
}

public sealed class HotelType : ObjectGraphType<Hotel>
{
    public HotelType()
    {
        Name = "Hotel";
        Interface<BookableInterface>();
        this.Key("id");
        this.ResolveReference<IdKey, Hotel>((_, key) => TravelData.Hotels.FirstOrDefault(h => h.Id == key.Id));
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Shareable().Resolve(c => c.Source.Title);
        Field<NonNullGraphType<CityType>>("city").Resolve(c => TravelData.Cities.First(x => x.Code == c.Source.CityCode));
        Field<NonNullGraphType<IntGraphType>>("stars").Resolve(c => c.Source.Stars);
    }
}

public sealed class FlightType : ObjectGraphType<Flight>
{
    public FlightType()
    {
        Name = "Flight";
        Interface<BookableInterface>();
        this.Key("id");
        this.Key("number carrier { code }");
        this.ResolveReference<FlightKey, Flight>((_, key) => key.Id is { } id
            ? TravelData.Flights.FirstOrDefault(f => f.Id == id)
            : TravelData.Flights.FirstOrDefault(f => f.Number == key.Number && f.Carrier.Code == key.Carrier?.Code));
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<CityType>>("city").Resolve(c => TravelData.Cities.First(x => x.Code == c.Source.CityCode));
        Field<NonNullGraphType<StringGraphType>>("number").Resolve(c => c.Source.Number);
        Field<NonNullGraphType<CarrierType>>("carrier").Shareable().Resolve(c => c.Source.Carrier);
        Field<NonNullGraphType<IntGraphType>>("distanceKm").Resolve(c => c.Source.DistanceKm);
    }
}

public sealed class SearchHitUnion : UnionGraphType
{
    public SearchHitUnion()
    {
        Name = "SearchHit";
        Type<HotelType>();
        Type<FlightType>();
        Type<CityType>();
    }
}

public sealed class InventoryQuery : ObjectGraphType
{
    public InventoryQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BookableInterface>>>>("bookables").Resolve(_ => TravelData.Bookables().ToList());
        Field<BookableInterface>("bookable").Argument<NonNullGraphType<IdGraphType>>("id").Resolve(c => TravelData.Bookable(c.GetArgument<string>("id")));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CityType>>>>("cities").Resolve(_ => TravelData.Cities);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchHitUnion>>>>("search").Argument<NonNullGraphType<StringGraphType>>("term")
            .Resolve(c =>
            {
                var term = c.GetArgument<string>("term");
                var hits = new List<object>();
                hits.AddRange(TravelData.Hotels.Where(h => h.Title.Contains(term, StringComparison.OrdinalIgnoreCase)));
                hits.AddRange(TravelData.Flights.Where(f => f.Title.Contains(term, StringComparison.OrdinalIgnoreCase)));
                hits.AddRange(TravelData.Cities.Where(x => x.Name.Contains(term, StringComparison.OrdinalIgnoreCase)));
                return hits;
            });
    }
}

public sealed class InventorySchema : Schema
{
    public InventorySchema(IServiceProvider services, InventoryQuery query, HotelType hotel, FlightType flight)
        : base(services)
    {
        Query = query;
        RegisterType(hotel);
        RegisterType(flight);
    }
}
