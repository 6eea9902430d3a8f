using System.Buffers;
using System.Text;
using System.Text.Json;
using FederatedGateway.Execution.Execution;

namespace FederatedGateway.Execution.Tests;

/// <summary>Reading subgraph answers straight from their bytes: validation, errors, leaves as slices.</summary>
public sealed class AnswerReaderTests
{
    private static SubgraphAnswer Read(string json) => AnswerReader.Read(new ArraySegment<byte>(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("""{"data":{"a":1}""")]
    [InlineData("""{"data":{"a":1}} trailing""")]
    [InlineData("""{"data":{"a":1}}{}""")]
    [InlineData("""{"data":{"a":tru}}""")]
    [InlineData("""{"data":{"a":"unterminated}}""")]
    [InlineData("""{"data":{"a":1,}}""")]
    [InlineData("""{"errors":[{"message":"x"]}""")]
    [InlineData("""{"data":null,"extensions":{"x":[}}""")]
    public void AnythingButOneJsonValueIsRejected(string body) =>
        Assert.ThrowsAny<JsonException>(() => Read(body));

    [Fact]
    public void NestingPastTheReadersDepthIsRejected()
    {
        var deep = new string('[', 100) + new string(']', 100);
        Assert.ThrowsAny<JsonException>(() => Read("""{"data":{"a":""" + deep + "}}"));
    }

    [Theory]
    [InlineData("[1]", false, false, false)]
    [InlineData("\"text\"", false, false, false)]
    [InlineData("{}", true, false, false)]
    [InlineData("""{"data":null}""", true, true, false)]
    [InlineData("""{"errors":null}""", true, false, true)]
    [InlineData("""{"extensions":{},"data":{}}""", true, true, false)]
    public void TheShapeOfTheResponseIsReported(string body, bool isObject, bool hasData, bool hasErrors)
    {
        var answer = Read(body);
        Assert.Equal(isObject, answer.IsObject);
        Assert.Equal(hasData, answer.HasData);
        Assert.Equal(hasErrors, answer.HasErrors);
        Assert.Null(answer.ErrorsDocument);
    }

    [Fact]
    public void ErrorsAreParsedOnTheirOwnWhateverTheirPlace()
    {
        var answer = Read("""{"errors":[{"message":"boom","path":["a"]}],"data":{"a":null}}""");
        using var errors = answer.ErrorsDocument;
        Assert.Equal(JsonValueKind.Array, answer.Errors.ValueKind);
        Assert.Equal("boom", answer.Errors[0].GetProperty("message").GetString());
        Assert.True(answer.Data!.TryGetValue("a", out var a));
        Assert.True(a.IsNull);
    }

    [Fact]
    public void LeavesAreTheRawTokensOfTheBufferAtItsOffset()
    {
        var bytes = Encoding.UTF8.GetBytes("""xxxx{"data":{"s":"a\"b\u00e9","n":-1.5e3,"t":true,"f":false,"z":null}}yy""");
        var answer = AnswerReader.Read(new ArraySegment<byte>(bytes, 4, bytes.Length - 6));
        var data = answer.Data!;
        Assert.Equal("""
            "a\"b\u00e9"
            """, data["s"].RawText());
        Assert.True(data["s"].IsString);
        Assert.Equal("a\"b\u00e9", data["s"].GetString());
        Assert.Same(bytes, data["s"].Ref);
        Assert.Equal("-1.5e3", data["n"].RawText());
        Assert.False(data["n"].IsString);
        Assert.Equal("true", data["t"].RawText());
        Assert.Equal("false", data["f"].RawText());
        Assert.True(data.ContainsKey("z"));
        Assert.True(data["z"].IsNull);
    }

    [Fact]
    public void EscapedNamesAndTypenamesAreDecoded()
    {
        var data = Read("""{"data":{"\u0061b":{"__typename":"D\u006fg"}}}""").Data!;
        Assert.True(data.TryGetValue("ab", out var value));
        Assert.Equal("Dog", ((ResultObject)value.Ref!).Typename);
    }

    [Fact]
    public void RepeatedKeysOfOneObjectMerge()
    {
        var data = Read("""{"data":{"a":{"x":1},"a":{"y":2},"l":[{"p":1}],"l":[{"q":2}]}}""").Data!;
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ResponseWriter.WriteRaw(writer, data);
        }

        Assert.Equal("""{"a":{"x":1,"y":2},"l":[{"p":1,"q":2}]}""", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void WideObjectsKeepTheirOrderAndMergeRepeatedKeys()
    {
        // Past a few dozen keys the reader indexes the object; repeats before and after that point still merge.
        var json = new StringBuilder("""{"data":{"k0":{"a":1},""");
        for (var i = 1; i < 5000; i++)
        {
            json.Append("\"k").Append(i).Append("\":").Append(i).Append(',');
        }

        json.Append(" \"k0\":{\"b\":2},\"k4999\":\"last\",\"k10\":{\"x\":1}}}");
        var data = Read(json.ToString()).Data!;
        Assert.Equal(5000, data.Count);
        Assert.Equal("k0", FirstKey(data));
        Assert.Equal("""{"a":1,"b":2}""", Write((ResultObject)data["k0"].Ref!));
        Assert.Equal("\"last\"", data["k4999"].RawText());
        Assert.Equal("""{"x":1}""", Write((ResultObject)data["k10"].Ref!));
    }

    private static string FirstKey(ResultObject obj)
    {
        foreach (var (key, _) in obj)
        {
            return key;
        }

        return "";
    }

    private static string Write(ResultObject obj)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ResponseWriter.WriteRaw(writer, obj);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void ReadingAgainOnTheSameThreadStartsClean()
    {
        // The reader keeps scratch space per thread: a failed read must not leak members into the next one.
        Assert.ThrowsAny<JsonException>(() => Read("""{"data":{"a":{"b":1,"c":[1,2,{"d":"""));
        var data = Read("""{"data":{"x":[1,2],"y":{}}}""").Data!;
        Assert.Equal(2, data.Count);
        Assert.Equal(2, ((List<ResultValue>)data["x"].Ref!).Count);
        Assert.Equal(0, ((ResultObject)data["y"].Ref!).Count);
    }
}
