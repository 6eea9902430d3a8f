using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.DifferentialTests.Library.Catalog;

public sealed class MediaInterface : InterfaceGraphType
{
    public MediaInterface()
    {
        Name = "Media";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("title");
    }
}

public sealed class AuthorType : ObjectGraphType<Author>
{
    public AuthorType()
    {
        Name = "Author";
        this.Key("id");
        this.ResolveReference<MediaKey, Author>((_, key) => LibraryData.Authors.FirstOrDefault(a => a.Id == key.Id));
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BookType>>>>("books").Resolve(c => LibraryData.Books.Where(b => b.AuthorId == c.Source.Id).ToList());
    }
}

public sealed class BookType : ObjectGraphType<Book>
{
    public BookType()
    {
        Name = "Book";
        Interface<MediaInterface>();
        this.Key("id");
        this.ResolveReference<MediaKey, Book>((_, key) => LibraryData.Books.FirstOrDefault(b => b.Id == key.Id));
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<IntGraphType>>("pages").Resolve(c => c.Source.Pages);
        Field<NonNullGraphType<AuthorType>>("author").Resolve(c => LibraryData.Authors.First(a => a.Id == c.Source.AuthorId));
    }
}

public sealed class MovieType : ObjectGraphType<Movie>
{
    public MovieType()
    {
        Name = "Movie";
        Interface<MediaInterface>();
        this.Key("id");
        this.ResolveReference<MediaKey, Movie>((_, key) => LibraryData.Movies.FirstOrDefault(m => m.Id == key.Id));
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<IntGraphType>>("minutes").Resolve(c => c.Source.Minutes);
    }
}

public sealed class SearchResultUnion : UnionGraphType
{
    public SearchResultUnion()
    {
        Name = "SearchResult";
        Type<BookType>();
        Type<MovieType>();
        Type<AuthorType>();
    }
}

public sealed class CatalogQuery : ObjectGraphType
{
    public CatalogQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaInterface>>>>("media").Resolve(_ => AllMedia());
        Field<MediaInterface>("mediaItem").Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => AllMedia().FirstOrDefault(m => Id(m) == c.GetArgument<string>("id")));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchResultUnion>>>>("search").Argument<NonNullGraphType<StringGraphType>>("term")
            .Resolve(c =>
            {
                var term = c.GetArgument<string>("term");
                var hits = new List<object>();
                hits.AddRange(LibraryData.Books.Where(b => b.Title.Contains(term, StringComparison.OrdinalIgnoreCase)));
                hits.AddRange(LibraryData.Movies.Where(m => m.Title.Contains(term, StringComparison.OrdinalIgnoreCase)));
                hits.AddRange(LibraryData.Authors.Where(a => a.Name.Contains(term, StringComparison.OrdinalIgnoreCase)));
                return hits;
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuthorType>>>>("authors").Resolve(_ => LibraryData.Authors);
    }

    private static List<object> AllMedia() => [.. LibraryData.Books, .. LibraryData.Movies];

    private static string Id(object m) => m switch { Book b => b.Id, Movie mv => mv.Id, _ => "" };
}

public sealed class CatalogSchema : Schema
{
    public CatalogSchema(IServiceProvider services, CatalogQuery query, BookType book, MovieType movie, AuthorType author)
        : base(services)
    {
        Query = query;
        RegisterType(book);
        RegisterType(movie);
        RegisterType(author);
    }
}
