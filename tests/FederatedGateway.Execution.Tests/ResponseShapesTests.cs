using FederatedGateway.Execution.Compilation;
using static FederatedGateway.Execution.Tests.TestGraph;

namespace FederatedGateway.Execution.Tests;

/// <summary>Response shapes computed once per compiled operation (per snapshot) and shared by its requests, when that is safe.</summary>
public sealed class ResponseShapesTests
{
    [Fact]
    public void AnOperationKeepsOneSetOfShapesUnlessVariablesDecideItsShape()
    {
        var compiler = new OperationCompiler();
        var operation = Prepare("{ animals { name } }", Root("a", "{__typename}"));
        var shared = compiler.Compile(operation).ShapesFor(new Dictionary<string, bool>());
        Assert.NotNull(shared);
        Assert.Same(shared, compiler.Compile(operation).ShapesFor(new Dictionary<string, bool>()));
        Assert.NotSame(shared, compiler.Compile(Prepare("{ animals { name } }", Root("a", "{__typename}"))).ShapesFor(new Dictionary<string, bool>()));
        Assert.NotSame(shared, new OperationCompiler().Compile(operation).ShapesFor(new Dictionary<string, bool>()));
        Assert.Null(compiler.Compile(operation).ShapesFor(new Dictionary<string, bool> { ["on"] = true }));
    }

    [Fact]
    public async Task LaterRequestsOfOtherRuntimeTypesGetTheirOwnFields()
    {
        var operation = Prepare("{ animals { __typename name ... on Dog { weight } ... on Cat { lives } } }", Root("a", "{__typename}"));
        var dog = await Run(operation, new FakeSubgraphs().On("a", """{"data":{"animals":[{"__typename":"Dog","name":"Rex","weight":30}]}}"""));
        var cat = await Run(operation, new FakeSubgraphs().On("a", """{"data":{"animals":[{"__typename":"Cat","name":"Tom","lives":9}]}}"""));
        var both = await Run(operation, new FakeSubgraphs().On("a", """{"data":{"animals":[{"__typename":"Cat","name":"Tom","lives":9},{"__typename":"Dog","name":"Rex","weight":30}]}}"""));
        Assert.Equal("""{"animals":[{"__typename":"Dog","name":"Rex","weight":30}]}""", Data(dog));
        Assert.Equal("""{"animals":[{"__typename":"Cat","name":"Tom","lives":9}]}""", Data(cat));
        Assert.Equal("""{"animals":[{"__typename":"Cat","name":"Tom","lives":9},{"__typename":"Dog","name":"Rex","weight":30}]}""", Data(both));
    }

    [Fact]
    public async Task BooleanVariablesStillDecideEveryRequestOnItsOwn()
    {
        var operation = Prepare("query($heavy: Boolean!) { dog { name @skip(if: $heavy) weight @include(if: $heavy) } }", Root("a", "{__typename}"));
        var fake = () => new FakeSubgraphs().On("a", """{"data":{"dog":{"name":"Rex","weight":30}}}""");
        Assert.Equal("""{"dog":{"weight":30}}""", Data(await Run(operation, fake(), """{"heavy":true}""")));
        Assert.Equal("""{"dog":{"name":"Rex"}}""", Data(await Run(operation, fake(), """{"heavy":false}""")));
        Assert.Equal("""{"dog":{"weight":30}}""", Data(await Run(operation, fake(), """{"heavy":true}""")));
    }
}
