using System.Text;
using System.Text.Json;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Execution.Compilation;
using static FederatedGateway.Execution.Tests.TestGraph;

namespace FederatedGateway.Execution.Tests.Compilation;

/// <summary>
/// A prepared operation is compiled once per compiler (one per snapshot): every fetch of its plan, with its operation
/// JSON-encoded, and nothing shared between compilers.
/// </summary>
public sealed class OperationCompilerTests
{
    private static readonly FetchNode DogFetch = Root("a", "{dog{__typename id name}}");
    private static readonly FetchNode OwnerFetch = Entities("b", "...on Dog{owner}", Requirement("Dog", "id"));

    [Fact]
    public void EveryFetchOfThePlanIsCompiledOnce()
    {
        var operation = Prepare("{ dog { name owner } }", Sequence(DogFetch, Flatten(OwnerFetch, "dog")));
        var compiler = new OperationCompiler();

        var compiled = compiler.Compile(operation);

        Assert.Same(compiled, compiler.Compile(operation));
        Assert.Equal(2, compiled.Fetches.Count());
        Assert.Same(DogFetch, compiled.Fetch(DogFetch).Node);
        Assert.Same(OwnerFetch, compiled.Fetch(OwnerFetch).Node);
        Assert.Equal(JsonSerializer.Serialize(DogFetch.Operation), Encoding.UTF8.GetString(compiled.Fetch(DogFetch).OperationLiteral.Span));
    }

    [Fact]
    public void CompilersShareNothing()
    {
        var operation = Prepare("{ dog { name } }", DogFetch);
        var first = new OperationCompiler().Compile(operation);
        var second = new OperationCompiler().Compile(operation);
        Assert.NotSame(first, second);
        Assert.NotSame(first.Fetch(DogFetch), second.Fetch(DogFetch));
    }

    [Fact]
    public void AFetchOutsideThePlanIsRefused()
    {
        var compiled = new OperationCompiler().Compile(Prepare("{ dog { name } }", DogFetch));
        Assert.Throws<InvalidOperationException>(() => compiled.Fetch(OwnerFetch));
    }
}
