using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.DifferentialTests.Shelf.People;

/// <summary>
/// <c>type Item @key(fields: "id") @interfaceObject</c> (see Subgraphs/people.graphql; the directive only matters to
/// composition): at run time an ordinary entity named Item, known by id only.
/// </summary>
public sealed class ItemObjectType : ObjectGraphType<ShelfKey>
{
    public ItemObjectType()
    {
        Name = "Item";
        this.Key("id");
        this.ResolveReference<ShelfKey, ShelfKey>((_, key) => key);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonType>>>>("likedBy")
            .Resolve(c => ShelfData.People.Where(p => p.Likes.Contains(c.Source.Id)).ToList());
    }
}

public sealed class PersonType : ObjectGraphType<Person>
{
    public PersonType()
    {
        Name = "Person";
        this.Key("id");
        this.ResolveReference<ShelfKey, Person>((_, key) => ShelfData.People.FirstOrDefault(p => p.Id == key.Id));
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ItemObjectType>>>>("likes")
            .Resolve(c => c.Source.Likes.Select(id => new ShelfKey { Id = id }).ToList());
        Field<PickUnion>("favorite").Resolve(c => PickUnion.Of(c.Source.Favorite));
    }
}

/// <summary>Book extended here with readingMinutes, which @requires the catalog's pages.</summary>
public sealed class BookType : ObjectGraphType<BookRef>
{
    public BookType()
    {
        Name = "Book";
        this.Key("id");
        this.ResolveReference<ShelfKey, BookRef>((_, key) => new BookRef(key.Id, key.Pages));
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IntGraphType>>("pages").External().Resolve(c => c.Source.Pages);
        Field<NonNullGraphType<IntGraphType>>("readingMinutes").Requires("pages")
            .Resolve(c => c.Source.Pages is { } pages ? pages * 2 : throw new ExecutionError("pages not provided"));
    }
}

/// <summary>A Book as this subgraph knows it (a distinct CLR type, so the union resolves it as Book).</summary>
public sealed record BookRef(string Id, int? Pages);

public sealed class PickUnion : UnionGraphType
{
    public PickUnion()
    {
        Name = "Pick";
        Type<BookType>();
        Type<PersonType>();
    }

    public static object? Of(string? id) =>
        id is null ? null
        : ShelfData.People.FirstOrDefault(p => p.Id == id) is { } person ? person
        : new BookRef(id, null);
}

public sealed class PeopleQuery : ObjectGraphType
{
    public PeopleQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonType>>>>("people").Resolve(_ => ShelfData.People);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PickUnion>>>>("favorites")
            .Resolve(_ => ShelfData.People.Select(p => PickUnion.Of(p.Favorite)).OfType<object>().ToList());
    }
}

public sealed class PeopleSchema : Schema
{
    public PeopleSchema(IServiceProvider services, PeopleQuery query, ItemObjectType item, PersonType person, BookType book)
        : base(services)
    {
        Query = query;
        RegisterType(item);
        RegisterType(person);
        RegisterType(book);
    }
}
