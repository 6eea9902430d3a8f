using System.Text.Json;
using FederatedGateway.Grpc.Tests.Infrastructure;

namespace FederatedGateway.Grpc.Tests;

/// <summary>Values of every kind through a real gRPC call and back, as GraphQL JSON.</summary>
public sealed class CodecTests(KitchenFixture fixture) : IClassFixture<KitchenFixture>
{
    internal const string AllFields = """
        id count big ubig price ratio active blob color tags scores
        limits { key value } parts { key value { name } }
        createdAt ttl nickname bigWrapper attributes anything list extra mask maybe
        payload { __typename ... on Gadget { size } ... on ItemPayloadNote { note } ... on Part { name } }
        mainPart { name } delta f32 partList { name } inner { value } marker mood alias
        """;

    [Fact]
    public async Task Every_kind_decodes_to_its_GraphQL_value()
    {
        var answer = await fixture.Gateway.QueryAsync("{ getItem(id: \"a1\") { " + AllFields + " } }");
        var item = Data(answer).GetProperty("getItem");
        Assert.Equal("a1", item.GetProperty("id").GetString());
        Assert.Equal(3, item.GetProperty("count").GetInt32());
        Assert.Equal("9007199254740993", item.GetProperty("big").GetString());
        Assert.Equal("18446744073709551615", item.GetProperty("ubig").GetString());
        Assert.Equal(12.5, item.GetProperty("price").GetDouble());
        Assert.Equal(0.25, item.GetProperty("ratio").GetDouble());
        Assert.True(item.GetProperty("active").GetBoolean());
        Assert.Equal("aGk=", item.GetProperty("blob").GetString());
        Assert.Equal("GREEN", item.GetProperty("color").GetString());
        Assert.Equal("[\"t1\",\"t2\"]", item.GetProperty("tags").GetRawText());
        Assert.Equal("[1,2,3]", item.GetProperty("scores").GetRawText());
        Assert.Equal("[{\"key\":\"daily\",\"value\":10}]", item.GetProperty("limits").GetRawText());
        Assert.Equal("[{\"key\":\"left\",\"value\":{\"name\":\"L\"}}]", item.GetProperty("parts").GetRawText());
        Assert.Equal("2024-05-06T07:08:09.120Z", item.GetProperty("createdAt").GetString());
        Assert.Equal("1.500s", item.GetProperty("ttl").GetString());
        Assert.Equal("nick", item.GetProperty("nickname").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("bigWrapper").ValueKind);
        Assert.Equal("{\"a\":1,\"b\":[true,null,\"x\"]}", item.GetProperty("attributes").GetRawText());
        Assert.Equal("\"any\"", item.GetProperty("anything").GetRawText());
        Assert.Equal("[1,\"two\"]", item.GetProperty("list").GetRawText());
        Assert.Equal("{\"@type\":\"type.googleapis.com/fgwtest.kitchen.v1.Part\",\"name\":\"packed\"}", item.GetProperty("extra").GetRawText());
        Assert.Equal("[\"id\",\"count\"]", item.GetProperty("mask").GetRawText());
        Assert.Equal(7, item.GetProperty("maybe").GetInt32());
        Assert.Equal("{\"__typename\":\"Gadget\",\"size\":42}", item.GetProperty("payload").GetRawText());
        Assert.Equal("main", item.GetProperty("mainPart").GetProperty("name").GetString());
        Assert.Equal("-5", item.GetProperty("delta").GetString());
        Assert.Equal(4000000000, item.GetProperty("f32").GetInt64());
        Assert.Equal("[{\"name\":\"p1\"}]", item.GetProperty("partList").GetRawText());
        Assert.Equal("in", item.GetProperty("inner").GetProperty("value").GetString());
        Assert.True(item.GetProperty("marker").GetBoolean());
        Assert.Equal("ANGRY", item.GetProperty("mood").GetString());
        Assert.Equal("renamed", item.GetProperty("alias").GetString());
    }

    [Fact]
    public async Task Absent_fields_get_proto3_defaults_or_null()
    {
        var answer = await fixture.Gateway.QueryAsync("{ getItem(id: \"empty\") { count big color tags maybe mainPart { name } createdAt payload { __typename } marker } }");
        Assert.Equal(
            "{\"count\":0,\"big\":\"0\",\"color\":\"UNSPECIFIED\",\"tags\":[],\"maybe\":null,\"mainPart\":null,\"createdAt\":null,\"payload\":null,\"marker\":null}",
            Data(answer).GetProperty("getItem").GetRawText());
    }

    [Fact]
    public async Task Aliases_and_typename_follow_the_client_selection()
    {
        var answer = await fixture.Gateway.QueryAsync("{ a: getItem(id: \"x\") { __typename ident: id n: count } b: getItem(id: \"y\") { id } }");
        Assert.Equal("{\"a\":{\"__typename\":\"Item\",\"ident\":\"x\",\"n\":3},\"b\":{\"id\":\"y\"}}", Data(answer).GetRawText());
    }

    [Fact]
    public async Task Inputs_of_every_kind_encode_and_come_back()
    {
        const string input = """
            {"item": {"id": "in1", "count": -4, "big": "-9007199254740993", "ubig": "18446744073709551615", "price": 1.25,
             "active": true, "blob": "aGk=", "color": "RED", "tags": ["a", "b"], "scores": [5, 6],
             "limits": [{"key": "k", "value": 3}], "parts": [{"key": "p", "value": {"name": "P"}}],
             "createdAt": "2024-02-03T04:05:06.5Z", "ttl": "-2.25s", "nickname": "nn", "bigWrapper": "12",
             "attributes": {"x": [1, {"y": null}]}, "anything": 3.5, "list": ["q"],
             "extra": {"@type": "type.googleapis.com/fgwtest.kitchen.v1.Gadget", "size": 9},
             "mask": ["a.b", "c"], "maybe": 0, "payload": {"note": "hello"}, "delta": "-77", "f32": 7, "marker": true,
             "mood": "ANGRY", "alias": "al"}}
            """;
        var answer = await fixture.Gateway.QueryAsync(
            "mutation($item: ItemInput) { saveItem(item: $item) { id count big ubig price active blob color tags scores limits { key value } parts { key value { name } } createdAt ttl nickname bigWrapper attributes anything list extra mask maybe payload { ... on ItemPayloadNote { note } } delta f32 marker mood alias } }",
            input);
        Assert.Equal(
            "{\"id\":\"in1\",\"count\":-4,\"big\":\"-9007199254740993\",\"ubig\":\"18446744073709551615\",\"price\":1.25,\"active\":true,\"blob\":\"aGk=\",\"color\":\"RED\",\"tags\":[\"a\",\"b\"],\"scores\":[5,6],\"limits\":[{\"key\":\"k\",\"value\":3}],\"parts\":[{\"key\":\"p\",\"value\":{\"name\":\"P\"}}],\"createdAt\":\"2024-02-03T04:05:06.500Z\",\"ttl\":\"-2.250s\",\"nickname\":\"nn\",\"bigWrapper\":\"12\",\"attributes\":{\"x\":[1,{\"y\":null}]},\"anything\":3.5,\"list\":[\"q\"],\"extra\":{\"@type\":\"type.googleapis.com/fgwtest.kitchen.v1.Gadget\",\"size\":9},\"mask\":[\"a.b\",\"c\"],\"maybe\":0,\"payload\":{\"note\":\"hello\"},\"delta\":\"-77\",\"f32\":7,\"marker\":true,\"mood\":\"ANGRY\",\"alias\":\"al\"}",
            Data(answer).GetProperty("saveItem").GetRawText());
    }

    [Fact]
    public async Task Oneof_arguments_and_enum_lists_reach_the_service()
    {
        var answer = await fixture.Gateway.QueryAsync("{ listItems(colors: [RED, GREEN], filter: { minCount: 2 }) { items { id color } } }");
        Assert.Equal("{\"items\":[{\"id\":\"Red\",\"color\":\"RED\"},{\"id\":\"Green\",\"color\":\"GREEN\"}]}", Data(answer).GetProperty("listItems").GetRawText());
        Assert.Contains("\"minCount\": 2", fixture.Server.Calls.Details("ListItems").Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oneof_input_with_two_members_is_a_bad_user_input_error()
    {
        var answer = await fixture.Gateway.QueryAsync("{ listItems(filter: { minCount: 2, prefix: \"a\" }) { items { id } } }");
        var code = answer.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
        Assert.True(code is "BAD_USER_INPUT" or "GRAPHQL_VALIDATION_FAILED", answer.GetRawText());
    }

    [Fact]
    public async Task Empty_responses_are_true()
    {
        var answer = await fixture.Gateway.QueryAsync("{ touch(id: \"a\") }");
        Assert.Equal("{\"touch\":true}", Data(answer).GetRawText());
        var mutation = await fixture.Gateway.QueryAsync("mutation { ping }");
        Assert.Equal("{\"ping\":true}", Data(mutation).GetRawText());
    }

    [Fact]
    public async Task Forwarded_headers_become_metadata()
    {
        await fixture.Gateway.QueryAsync("{ getItem(id: \"h\") { id } }", headers: [new("Authorization", "Bearer t0k"), new("X-Tenant", "acme")]);
        Assert.Equal("Bearer t0k", fixture.Server.Calls.LastHeaders["authorization"]);
        Assert.Equal("acme", fixture.Server.Calls.LastHeaders["x-tenant"]);
    }

    internal static JsonElement Data(JsonElement answer)
    {
        Assert.False(answer.TryGetProperty("errors", out var errors), errors.ToString());
        return answer.GetProperty("data");
    }
}
