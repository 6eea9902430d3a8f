using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.DifferentialTests.Travel.Reviews;

/// <summary>Something reviewed, known only by id (the reviews subgraph never learns which kind of bookable it is).</summary>
public sealed class ReviewedItem
{
    public string Id { get; set; } = "";
}

public sealed class TravellerRef
{
    public string Id { get; set; } = "";
}

/// <summary>
/// <c>type Bookable @key(fields: "id") @interfaceObject</c>: GraphQL.NET has no helper for the directive, which only
/// matters to composition (see Subgraphs/reviews.graphql); at run time this is an ordinary entity named Bookable.
/// </summary>
public sealed class BookableObjectType : ObjectGraphType<ReviewedItem>
{
    public BookableObjectType()
    {
        Name = "Bookable";
        this.Key("id");
        this.ResolveReference<ReviewedItem, ReviewedItem>((_, key) => key);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewType>>>>("reviews").Argument<IntGraphType>("minRating")
            .Resolve(c => TravelData.Reviews.Where(r => r.BookableId == c.Source.Id && r.Rating >= (c.GetArgument<int?>("minRating") ?? 0)).ToList());
        Field<FloatGraphType>("averageRating").Resolve(c => AverageRating(c.Source.Id));
    }

    public static double? AverageRating(string id)
    {
        var ratings = TravelData.Reviews.Where(r => r.BookableId == id).Select(r => r.Rating).ToList();
        return ratings.Count == 0 ? null : Math.Round(ratings.Average(), 2);
    }
}

public sealed class TravellerType : ObjectGraphType<TravellerRef>
{
    public TravellerType()
    {
        Name = "Traveller";
        this.Key("id", resolvable: false);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
    }
}

public sealed class ReviewType : ObjectGraphType<Review>
{
    public ReviewType()
    {
        Name = "Review";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IntGraphType>>("rating").Resolve(c => c.Source.Rating);
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<TravellerType>>("author").Resolve(c => new TravellerRef { Id = c.Source.AuthorId });
    }
}

public sealed class ReviewsQuery : ObjectGraphType
{
    public ReviewsQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BookableObjectType>>>>("topRated").Argument<IntGraphType>("limit", a => a.DefaultValue = 3)
            .Resolve(c => TravelData.Reviews.Select(r => r.BookableId).Distinct()
                .OrderByDescending(id => BookableObjectType.AverageRating(id)).ThenBy(id => id, StringComparer.Ordinal)
                .Take(c.GetArgument<int>("limit"))
                .Select(id => new ReviewedItem { Id = id })
                .ToList());
    }
}

public sealed class ReviewsSchema : Schema
{
    public ReviewsSchema(IServiceProvider services, ReviewsQuery query, BookableObjectType bookable)
        : base(services)
    {
        Query = query;
        RegisterType(bookable);
    }
}
