using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.DifferentialTests.Bench.Reviews;

public sealed class ReviewType : ObjectGraphType<Review>
{
    public ReviewType()
    {
        Name = "Review";
        this.Key("id");
        this.ResolveReference<ReviewKey, Review>((_, key) => BenchData.Reviews.FirstOrDefault(r => r.Id == key.Id));
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<StringGraphType>("body").Resolve(c => c.Source.Body);
        Field<ProductType>("product").Resolve(c => new ProductKey { Upc = c.Source.ProductUpc });

        // @provides(fields: "username"): the author comes with the username accounts would give.
        Field<UserType>("author").Provides("username")
            .Resolve(c => BenchData.Users.Where(u => u.Id == c.Source.AuthorId).Select(u => new UserKey { Id = u.Id, Username = u.Username }).FirstOrDefault());
    }
}

public sealed class UserType : ObjectGraphType<UserKey>
{
    public UserType()
    {
        Name = "User";
        this.Key("id");
        this.ResolveReference<UserKey, UserKey>((_, key) => key);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<StringGraphType>("username").External().Resolve(c => c.Source.Username);
        Field<ListGraphType<ReviewType>>("reviews").Resolve(c => BenchData.Reviews.Where(r => r.AuthorId == c.Source.Id).ToList());
    }
}

public sealed class ProductType : ObjectGraphType<ProductKey>
{
    public ProductType()
    {
        Name = "Product";
        this.Key("upc");
        this.ResolveReference<ProductKey, ProductKey>((_, key) => key);
        Field<NonNullGraphType<StringGraphType>>("upc").Resolve(c => c.Source.Upc);
        Field<ListGraphType<ReviewType>>("reviews").Resolve(c => BenchData.Reviews.Where(r => r.ProductUpc == c.Source.Upc).ToList());
    }
}

public sealed class ReviewsQuery : ObjectGraphType
{
    public ReviewsQuery()
    {
        Name = "Query";
        Field<StringGraphType>("_reviews").Resolve(_ => null);
    }
}

public sealed class ReviewsSchema : Schema
{
    public ReviewsSchema(IServiceProvider services, ReviewsQuery query, ReviewType review, UserType user, ProductType product)
        : base(services)
    {
        Query = query;
        RegisterType(review);
        RegisterType(user);
        RegisterType(product);
    }
}
