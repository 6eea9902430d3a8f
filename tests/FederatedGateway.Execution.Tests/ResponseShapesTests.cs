using FederatedGateway.Execution.Compilation;
using static FederatedGateway.Execution.Tests.TestGraph;

namespace FederatedGateway.Execution.Tests;

/// <summary>Response shapes computed once per compiled operation (per snapshot) and shared by its requests, when that is safe.</summary>
public sealed class ResponseShapesTests
{
    [Fact]
    public void AnOperationWithoutConditionsKeepsOneSetOfShapes()
    {
        var compiler = new OperationCompiler();
        var operation = Prepare("{ animals { name } }", Root("a", "{__typename}"));
        var shared = compiler.Compile(operation).ShapesFor(new Dictionary<string, bool>());
        Assert.NotNull(shared);
        Assert.Same(shared, compiler.Compile(operation).ShapesFor(new Dictionary<string, bool>()));
        Assert.NotSame(shared, compiler.Compile(Prepare("{ animals { name } }", Root("a", "{__typename}"))).ShapesFor(new Dictionary<string, bool>()));
        Assert.NotSame(shared, new OperationCompiler().Compile(operation).ShapesFor(new Dictionary<string, bool>()));
        Assert.Same(shared, compiler.Compile(operation).ShapesFor(new Dictionary<string, bool> { ["on"] = true }));
    }

    [Fact]
    public void RequestsWithTheSameConditionValuesShareShapesAndOthersDoNot()
    {
        var compiled = new OperationCompiler().Compile(Prepare(
            "query($heavy: Boolean!, $named: Boolean = true) { dog { name @include(if: $named) weight @include(if: $heavy) } }",
            Root("a", "{__typename}")));
        var heavy = compiled.ShapesFor(new Dictionary<string, bool> { ["heavy"] = true, ["named"] = true });
        var light = compiled.ShapesFor(new Dictionary<string, bool> { ["heavy"] = false, ["named"] = true });
        Assert.NotNull(heavy);
        Assert.NotNull(light);
        Assert.NotSame(heavy, light);
        Assert.Same(heavy, compiled.ShapesFor(new Dictionary<string, bool> { ["named"] = true, ["heavy"] = true, ["unused"] = false }));

        // A missing value counts as false, as the conditions read it.
        Assert.Same(light, compiled.ShapesFor(new Dictionary<string, bool> { ["named"] = true }));
    }

    [Fact]
    public void OnlyABoundedNumberOfConditionCombinationsKeepShapes()
    {
        var compiled = new OperationCompiler().Compile(Prepare(
            "query($a: Boolean!, $b: Boolean!, $c: Boolean!, $d: Boolean!, $e: Boolean!) { dog { name @skip(if: $a) weight @skip(if: $b) } animals @skip(if: $c) { name @skip(if: $d) } cat: dog @skip(if: $e) { name } }",
            Root("a", "{__typename}")));
        var kept = 0;
        for (var combination = 0; combination < 32; combination++)
        {
            var booleans = "abcde".Select((name, bit) => (name, bit)).ToDictionary(p => p.name.ToString(), p => (combination & (1 << p.bit)) != 0);
            kept += compiled.ShapesFor(booleans) is null ? 0 : 1;
        }

        Assert.Equal(16, kept);
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
