using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.DifferentialTests.Shelf.Catalog;

/// <summary>An entity interface: <c>_entities</c> for <c>Item</c> answers with the concrete type.</summary>
public sealed class ItemInterface : InterfaceGraphType<object>
{
    public ItemInterface()
    {
        Name = "Item";
        this.Key("id");
        this.ResolveReference<ShelfKey, object>((_, key) => ShelfData.Item(key.Id));
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("title");
    }
}

public sealed class BookType : ObjectGraphType<Book>
{
    public BookType()
    {
        Name = "Book";
        Interface<ItemInterface>();
        this.Key("id");
        this.ResolveReference<ShelfKey, Book>((_, key) => ShelfData.Books.FirstOrDefault(b => b.Id == key.Id));
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<IntGraphType>>("pages").Resolve(c => c.Source.Pages);
    }
}

public sealed class AlbumType : ObjectGraphType<Album>
{
    public AlbumType()
    {
        Name = "Album";
        Interface<ItemInterface>();
        this.Key("id");
        this.ResolveReference<ShelfKey, Album>((_, key) => ShelfData.Albums.FirstOrDefault(a => a.Id == key.Id));
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<IntGraphType>>("tracks").Resolve(c => c.Source.Tracks);
    }
}

public sealed class PickUnion : UnionGraphType
{
    public PickUnion()
    {
        Name = "Pick";
        Type<BookType>();
        Type<AlbumType>();
    }
}

public sealed class CatalogQuery : ObjectGraphType
{
    public CatalogQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ItemInterface>>>>("items")
            .Resolve(_ => ShelfData.Books.Cast<object>().Concat(ShelfData.Albums).ToList());
        Field<ItemInterface>("item").Argument<NonNullGraphType<IdGraphType>>("id").Resolve(c => ShelfData.Item(c.GetArgument<string>("id")));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PickUnion>>>>("picks")
            .Resolve(_ => new object[] { ShelfData.Books[0], ShelfData.Albums[1], ShelfData.Books[2] });
    }
}

public sealed class CatalogSchema : Schema
{
    public CatalogSchema(IServiceProvider services, CatalogQuery query, BookType book, AlbumType album)
        : base(services)
    {
        Query = query;
        RegisterType(book);
        RegisterType(album);
    }
}
