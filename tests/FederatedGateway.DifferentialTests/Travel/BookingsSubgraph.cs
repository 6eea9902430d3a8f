using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.DifferentialTests.Travel.Bookings;

public sealed class TierType : EnumerationGraphType
{
    public TierType()
    {
        Name = "Tier";
        Add("BASIC", "BASIC");
        Add("SILVER", "SILVER");
        Add("GOLD", "GOLD");
    }
}

public sealed class BookingStatusType : EnumerationGraphType
{
    public BookingStatusType()
    {
        Name = "BookingStatus";
        Add("CONFIRMED", "CONFIRMED");
        Add("CANCELLED", "CANCELLED");
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

public sealed class TravellerType : ObjectGraphType<Traveller>
{
    public TravellerType()
    {
        Name = "Traveller";
        this.Key("id");
        this.ResolveReference<IdKey, Traveller>((_, key) => TravelData.Travellers.FirstOrDefault(t => t.Id == key.Id));
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<TierType>>("tier").Resolve(c => c.Source.Tier);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BookingType>>>>("bookings").Argument<BookingStatusType>("status")
            .Resolve(c => TravelData.Bookings.Where(b => b.TravellerId == c.Source.Id && (c.GetArgument<string?>("status") is not { } s || b.Status == s)).ToList());
    }
}

/// <summary>The bookings subgraph's Hotel: its key, the title it provides, and the hotel's bookings.</summary>
public sealed class HotelType : ObjectGraphType<Hotel>
{
    public HotelType()
    {
        Name = "Hotel";
        this.Key("id");
        this.ResolveReference<IdKey, Hotel>((_, key) => new Hotel(key.Id, "", "", 0));
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").External().Resolve(c => c.Source.Title);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BookingType>>>>("bookings").Resolve(c => TravelData.Bookings.Where(b => b.HotelId == c.Source.Id).ToList());
    }
}

public sealed class FlightType : ObjectGraphType<IdKey>
{
    public FlightType()
    {
        Name = "Flight";
        this.Key("id");
        this.ResolveReference<IdKey, IdKey>((_, key) => key);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
    }
}

public sealed class BookingType : ObjectGraphType<Booking>
{
    public BookingType()
    {
        Name = "Booking";
        this.Key("id");
        this.ResolveReference<IdKey, Booking>((_, key) => TravelData.Bookings.FirstOrDefault(b => b.Id == key.Id));
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<TravellerType>>("traveller").Resolve(c => TravelData.Travellers.First(t => t.Id == c.Source.TravellerId));
        Field<NonNullGraphType<BookingStatusType>>("status").Resolve(c => c.Source.Status);
        Field<HotelType>("hotel").Provides("title")
            .Resolve(c => c.Source.HotelId is { } id ? new Hotel(id, c.Source.HotelTitle!, "", 0) : null);
        Field<FlightType>("flight").Resolve(c => c.Source.FlightId is { } id ? new IdKey { Id = id } : null);
        Field<NonNullGraphType<IntGraphType>>("nights").Resolve(c => c.Source.Nights);
        Field<NonNullGraphType<MoneyType>>("paid").Resolve(c => Money.Of(c.Source.Paid, c.Source.Currency));
    }
}

public sealed class BookingsQuery : ObjectGraphType
{
    public BookingsQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TravellerType>>>>("travellers").Resolve(_ => TravelData.Travellers);
        Field<TravellerType>("traveller").Argument<NonNullGraphType<IdGraphType>>("id").Resolve(c => TravelData.Travellers.FirstOrDefault(t => t.Id == c.GetArgument<string>("id")));
        Field<BookingType>("booking").Argument<NonNullGraphType<IdGraphType>>("id").Resolve(c => TravelData.Bookings.FirstOrDefault(b => b.Id == c.GetArgument<string>("id")));
    }
}

public sealed class BookingsSchema : Schema
{
    public BookingsSchema(IServiceProvider services, BookingsQuery query, HotelType hotel, FlightType flight, BookingType booking)
        : base(services)
    {
        Query = query;
        RegisterType(hotel);
        RegisterType(flight);
        RegisterType(booking);
    }
}
