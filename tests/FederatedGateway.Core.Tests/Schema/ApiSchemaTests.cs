using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;
using GraphQL;

namespace FederatedGateway.Core.Tests.Schema;

public sealed class ApiSchemaTests
{
    [Fact]
    public void BenchApiSchemaHasNoJoinMachinery()
    {
        var schema = SupergraphReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Goldens", "bench", "supergraph.graphql")));
        var sdl = ApiSchemaPrinter.Print(schema);
        Assert.DoesNotContain("join__", sdl);
        Assert.DoesNotContain("link", sdl);
        Assert.Contains("type User {", sdl);
        var api = ApiSchemaFactory.Create(schema, sdl);
        var printed = api.Print();
        Assert.True(printed.Contains("username: String"), sdl + "\n=====\n" + printed);
    }
}
