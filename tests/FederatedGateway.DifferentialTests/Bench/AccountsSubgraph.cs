using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.DifferentialTests.Bench.Accounts;

public sealed class UserType : ObjectGraphType<User>
{
    public UserType()
    {
        Name = "User";
        this.Key("id");
        this.ResolveReference<UserKey, User>((_, key) => BenchData.Users.FirstOrDefault(u => u.Id == key.Id));
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<StringGraphType>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("username").Shareable().Resolve(c => c.Source.Username);
        Field<IntGraphType>("birthday").Resolve(c => c.Source.Birthday);
    }
}

public sealed class AccountsQuery : ObjectGraphType
{
    public AccountsQuery()
    {
        Name = "Query";
        Field<UserType>("me").Resolve(_ => BenchData.Users[0]);
        Field<UserType>("user").Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => BenchData.Users.FirstOrDefault(u => u.Id == c.GetArgument<string>("id")));
        Field<ListGraphType<UserType>>("users").Resolve(_ => BenchData.Users);
    }
}

public sealed class AccountsSchema : Schema
{
    public AccountsSchema(IServiceProvider services, AccountsQuery query, UserType user)
        : base(services)
    {
        Query = query;
        RegisterType(user);
    }
}
