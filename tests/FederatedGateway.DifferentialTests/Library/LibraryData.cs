namespace FederatedGateway.DifferentialTests.Library;

public sealed class Author { public string Id { get; set; } = ""; public string Name { get; set; } = ""; }

public sealed class Book { public string Id { get; set; } = ""; public string Title { get; set; } = ""; public int Pages { get; set; } public string AuthorId { get; set; } = ""; }

public sealed class Movie { public string Id { get; set; } = ""; public string Title { get; set; } = ""; public int Minutes { get; set; } }

public sealed class Review { public string Id { get; set; } = ""; public string MediaId { get; set; } = ""; public int Stars { get; set; } public string Body { get; set; } = ""; }

/// <summary>Entity representation: <c>{ id }</c> plus <c>pages</c> when Book.readingHours @requires it.</summary>
public sealed class MediaKey { public string Id { get; set; } = ""; public int? Pages { get; set; } }

/// <summary>The reviews subgraph's Movie (a distinct CLR type, so _entities resolves it as Movie, not Book).</summary>
public sealed class MovieKey { public string Id { get; set; } = ""; }

/// <summary>The library graph's seed data (shared read-only by both subgraphs).</summary>
public static class LibraryData
{
    public static readonly Author[] Authors =
    [
        new() { Id = "a1", Name = "Frank Herbert" },
        new() { Id = "a2", Name = "Jane Austen" },
    ];

    public static readonly Book[] Books =
    [
        new() { Id = "b1", Title = "Dune", Pages = 412, AuthorId = "a1" },
        new() { Id = "b2", Title = "Emma", Pages = 474, AuthorId = "a2" },
        new() { Id = "b3", Title = "Persuasion", Pages = 249, AuthorId = "a2" },
    ];

    public static readonly Movie[] Movies =
    [
        new() { Id = "m1", Title = "Alien", Minutes = 117 },
        new() { Id = "m2", Title = "Heat", Minutes = 170 },
    ];

    public static readonly Review[] Reviews =
    [
        new() { Id = "r1", MediaId = "b1", Stars = 5, Body = "Epic." },
        new() { Id = "r2", MediaId = "b1", Stars = 4, Body = "Sandy." },
        new() { Id = "r3", MediaId = "m1", Stars = 5, Body = "Tense." },
        new() { Id = "r4", MediaId = "b3", Stars = 3, Body = "Quiet." },
    ];
}
