using FederatedGateway.Execution.Execution;

namespace FederatedGateway.Execution.Tests;

/// <summary>Reading an object's keys in order: the slot after the last key found is tried first, the search is the fallback.</summary>
public sealed class ResultObjectLookupTests
{
    private static readonly ResultObject Sample = ResultMergerTests.Read("""{"a":"1","b":"2","c":"3"}""");

    private static string? Lookup(string key, ref int next) =>
        Sample.TryGetValueInOrder(key, ref next, out var value) ? JsonNames.StringValue(value) : null;

    // A key equal to the stored one but not the same string, so only the search can find it.
    private static string Copy(string key) => new(key.AsSpan());

    [Fact]
    public void KeysReadInTheObjectsOrderAreFoundOneAfterAnother()
    {
        var next = 0;
        Assert.Equal("1", Lookup("a", ref next));
        Assert.Equal("2", Lookup("b", ref next));
        Assert.Equal("3", Lookup("c", ref next));
        Assert.Equal(3, next);
    }

    [Fact]
    public void KeysOutOfOrderOrNotTheSameStringAreStillFound()
    {
        var next = 0;
        Assert.Equal("3", Lookup(Copy("c"), ref next));
        Assert.Equal(3, next);
        Assert.Equal("1", Lookup(Copy("a"), ref next));
        Assert.Equal("2", Lookup("b", ref next));
        Assert.Equal("2", Lookup("b", ref next));
    }

    [Fact]
    public void AMissingKeyIsNotFoundAndLeavesThePositionAlone()
    {
        var next = 1;
        Assert.Null(Lookup("z", ref next));
        Assert.Equal(1, next);
        next = -5;
        Assert.Null(Lookup("y", ref next));
        Assert.Equal("3", Lookup("c", ref next));
    }
}
