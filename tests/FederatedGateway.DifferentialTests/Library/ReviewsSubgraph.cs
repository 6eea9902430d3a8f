using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.DifferentialTests.Library.Reviews;

public sealed class ReviewType : ObjectGraphType<Review>
{
    public ReviewType()
    {
        Name = "Review";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IntGraphType>>("stars").Resolve(c => c.Source.Stars);
        Field<NonNullGraphType<StringGraphType>>("body").Resolve(c => c.Source.Body);
    }
}

/// <summary>Book extended here: reviews, and readingHours which @requires the catalog's pages.</summary>
public sealed class BookType : ObjectGraphType<MediaKey>
{
    public BookType()
    {
        Name = "Book";
        this.Key("id");
        this.ResolveReference((_, key) => key);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IntGraphType>>("pages").External().Resolve(c => c.Source.Pages);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewType>>>>("reviews").Resolve(c => LibraryData.Reviews.Where(r => r.MediaId == c.Source.Id).ToList());
        Field<NonNullGraphType<FloatGraphType>>("readingHours").Requires("pages")
            .Resolve(c => c.Source.Pages is { } p ? p / 40.0 : throw new ExecutionError("pages not provided"));
    }
}

public sealed class MovieType : ObjectGraphType<MovieKey>
{
    public MovieType()
    {
        Name = "Movie";
        this.Key("id");
        this.ResolveReference((_, key) => key);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewType>>>>("reviews").Resolve(c => LibraryData.Reviews.Where(r => r.MediaId == c.Source.Id).ToList());
    }
}

public sealed class ReviewsQuery : ObjectGraphType
{
    public ReviewsQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewType>>>>("topReviews").Argument<IntGraphType>("minStars")
            .Resolve(c => LibraryData.Reviews.Where(r => r.Stars >= (c.GetArgument<int?>("minStars") ?? 0)).ToList());
    }
}

public sealed class ReviewsSchema : Schema
{
    public ReviewsSchema(IServiceProvider services, ReviewsQuery query, BookType book, MovieType movie)
        : base(services)
    {
        Query = query;
        RegisterType(book);
        RegisterType(movie);
    }
}
