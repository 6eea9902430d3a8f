using System.Buffers;
using System.Text;
using System.Text.Json;
using FederatedGateway.Execution.Execution;

namespace FederatedGateway.Execution.Tests;

/// <summary>The merge tree: deep merges of subgraph answers into one result, leaves borrowed from the answers' bytes.</summary>
public sealed class ResultMergerTests
{
    /// <summary>A JSON object read as a subgraph's <c>data</c> (the leaves point into the returned bytes).</summary>
    internal static ResultObject Read(string json) =>
        AnswerReader.Read(new ArraySegment<byte>(Encoding.UTF8.GetBytes("{\"data\":" + json + "}"))).Data!;

    private static string MergeAll(params string[] answers)
    {
        var root = new ResultObject();
        foreach (var answer in answers)
        {
            ResultMerger.MergeOwned(root, Read(answer));
        }

        return Write(root);
    }

    [Fact]
    public void ObjectsMergeKeyByKeyRecursivelyKeepingFirstSeenOrder()
    {
        Assert.Equal(
            """{"a":{"x":1,"z":{"p":1,"q":2},"y":2},"b":3}""",
            MergeAll("""{"a":{"x":1,"z":{"p":1}}}""", """{"b":3,"a":{"y":2,"z":{"q":2}}}"""));
    }

    [Fact]
    public void ListsOfTheSameLengthMergeItemByItem()
    {
        Assert.Equal(
            """{"l":[{"x":1,"y":"a"},null,{"x":3,"y":"c"}]}""",
            MergeAll("""{"l":[{"x":1},null,{"x":3}]}""", """{"l":[{"y":"a"},null,{"y":"c"}]}"""));
    }

    [Fact]
    public void NestedListsMergeItemByItem()
    {
        Assert.Equal(
            """{"l":[[{"x":1,"y":1}],[{"x":2,"y":2},{"x":3,"y":3}]]}""",
            MergeAll("""{"l":[[{"x":1}],[{"x":2},{"x":3}]]}""", """{"l":[[{"y":1}],[{"y":2},{"y":3}]]}"""));
    }

    [Theory]
    [InlineData("""{"l":[1,2]}""", """{"l":[3]}""", """{"l":[3]}""")]
    [InlineData("""{"v":{"x":1}}""", """{"v":"leaf"}""", """{"v":"leaf"}""")]
    [InlineData("""{"v":"leaf"}""", """{"v":{"x":1}}""", """{"v":{"x":1}}""")]
    [InlineData("""{"v":1}""", """{"v":null}""", """{"v":null}""")]
    [InlineData("""{"v":null}""", """{"v":[1]}""", """{"v":[1]}""")]
    public void OtherwiseTheNewValueWins(string first, string second, string expected) =>
        Assert.Equal(expected, MergeAll(first, second));

    [Fact]
    public void An_abstract_typename_never_replaces_a_concrete_one_whichever_fetch_finishes_last()
    {
        // An @interfaceObject subgraph answers with the interface's name; the subgraph owning the interface resolved
        // the object's own type. Fetches of both may merge into the same object in either order.
        var concreteFirst = Read("""{"pet":{"__typename":"Dog","id":"d1","name":"Rex"}}""");
        ResultMerger.MergeOwned(concreteFirst, Read("""{"pet":{"__typename":"Animal","barks":true}}"""), TestGraph.Schema);
        Assert.Equal("""{"pet":{"__typename":"Dog","id":"d1","name":"Rex","barks":true}}""", Write(concreteFirst));

        var placeholderFirst = Read("""{"pet":{"__typename":"Animal","barks":true}}""");
        ResultMerger.MergeOwned(placeholderFirst, Read("""{"pet":{"__typename":"Dog","id":"d1"}}"""), TestGraph.Schema);
        Assert.Equal("""{"pet":{"__typename":"Dog","barks":true,"id":"d1"}}""", Write(placeholderFirst));

        // Two object types, or no schema given: the later answer wins as for any other key.
        var twoObjects = Read("""{"pet":{"__typename":"Dog"}}""");
        ResultMerger.MergeOwned(twoObjects, Read("""{"pet":{"__typename":"Cat"}}"""), TestGraph.Schema);
        Assert.Equal("""{"pet":{"__typename":"Cat"}}""", Write(twoObjects));
        Assert.Equal("""{"pet":{"__typename":"Animal"}}""", MergeAll("""{"pet":{"__typename":"Dog"}}""", """{"pet":{"__typename":"Animal"}}"""));
    }

    [Fact]
    public void TypeConflictAliasesOfThePlannerBecomeTheKeyTheyStandFor()
    {
        Assert.Equal(
            """{"price":{"amount":1,"currency":"EUR"}}""",
            MergeAll("""{"__fgw_tMoney__price":{"amount":1}}""", """{"__fgw_tMoney_1__price":{"currency":"EUR"}}"""));
    }

    [Fact]
    public void NamesThatOnlyLookLikeInternalAliasesStayAsTheyAre()
    {
        // The old marker in the middle of a client alias, and the planner's own keys: none is a type-conflict alias.
        Assert.Equal(
            """{"price__fgw_Money":1,"__fgw_p_id":"k","__fgw_c___typename":"n"}""",
            MergeAll("""{"price__fgw_Money":1,"__fgw_p_id":"k","__fgw_c___typename":"n"}"""));
    }

    [Fact]
    public void LeavesAreWrittenAsTheSubgraphSentThem()
    {
        Assert.Equal(
            """{"s":"text","n":1.50,"big":12345678901234567890,"custom":{"k":[1,{"j":true}]}}""",
            MergeAll("""{"s":"text","n":1.50,"big":12345678901234567890,"custom":{"k":[1,{"j":true}]}}"""));
    }

    [Fact]
    public void TypenameIsReadOnceAndFollowsChanges()
    {
        var obj = Read("""{"__typename":"Dog","id":"1"}""");
        Assert.Equal("Dog", obj.Typename);
        Assert.Same(obj.Typename, obj.Typename);
        ResultMerger.MergeOwned(obj, Read("""{"__typename":"Cat"}"""));
        Assert.Equal("Cat", obj.Typename);
    }

    [Fact]
    public void WideObjectsStayOrderedAndFindable()
    {
        var json = new StringBuilder("{");
        for (var i = 0; i < 100; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("\"f").Append(i).Append("\":").Append(i);
        }

        json.Append('}');
        Assert.Equal(json.ToString(), MergeAll(json.ToString(), """{"f50":50}"""));

        var obj = Read(json.ToString());
        Assert.True(obj.TryGetValue("f77", out var value));
        Assert.Equal("77", value.RawText());
        Assert.False(obj.ContainsKey("f100"));
    }

    [Theory]
    [InlineData("""{"a":{"b":1},"l":[{"x":1},{"x":2}]}""", """{"a":{"c":2},"l":[{"y":1},{"y":2}],"n":null}""")]
    [InlineData("""{"l":[{"x":1}]}""", """{"l":[{"y":1},{"y":2}]}""")]
    [InlineData("""{"a":{"b":1}}""", """{"a":null,"c":"s"}""")]
    [InlineData("""{"a":"leaf"}""", """{"a":{"b":[1,[2,{"c":3}]]}}""")]
    [InlineData("""{"a":{"b":1}}""", """{"a":{"c":1},"a":{"d":2}}""")]
    public void MergingACopyEqualsMergingTheAnswerItself(string target, string answer)
    {
        var expected = MergeAll(target, answer);

        var root = Read(target);
        var source = Read(answer);
        var before = Write(source);
        ResultMerger.Merge(root, source, adopt: false);
        Assert.Equal(expected, Write(root));
        Assert.Equal(before, Write(source));
    }

    [Fact]
    public void EveryTargetOfACopiedAnswerOwnsItsObjectsAndSharesItsLeaves()
    {
        var answer = Read("""{"product":{"name":"Table"},"tags":[{"t":"a"}]}""");
        var first = new ResultObject();
        var second = new ResultObject();
        ResultMerger.Merge(first, answer, adopt: false);
        ResultMerger.Merge(second, answer, adopt: false);

        var firstProduct = (ResultObject)first["product"].Ref!;
        var secondProduct = (ResultObject)second["product"].Ref!;
        Assert.NotSame(firstProduct, secondProduct);
        Assert.NotSame(first["tags"].Ref, second["tags"].Ref);
        Assert.Same(firstProduct["name"].Ref, secondProduct["name"].Ref);

        ResultMerger.MergeOwned(firstProduct, Read("""{"price":1}"""));
        Assert.Equal("""{"product":{"name":"Table","price":1},"tags":[{"t":"a"}]}""", Write(first));
        Assert.Equal("""{"product":{"name":"Table"},"tags":[{"t":"a"}]}""", Write(second));
        Assert.Equal("""{"product":{"name":"Table"},"tags":[{"t":"a"}]}""", Write(answer));
    }

    private static string Write(ResultObject root)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ResponseWriter.WriteRaw(writer, root);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
