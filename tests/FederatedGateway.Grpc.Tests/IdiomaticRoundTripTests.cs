using FederatedGateway.Grpc.Tests.Infrastructure;

namespace FederatedGateway.Grpc.Tests;

/// <summary>The kitchen-sink service through the idiomatic style: every kind reads as in the mirror style, the unwrapped list and the hidden zero enum value included.</summary>
public sealed class IdiomaticRoundTripTests(KitchenFixture fixture) : IClassFixture<KitchenFixture>
{
    [Fact]
    public async Task Every_kind_reads_the_same_as_in_the_mirror_style()
    {
        var mirror = CodecTests.Data(await fixture.Gateway.QueryAsync("{ getItem(id: \"a1\") { " + CodecTests.AllFields + " } }")).GetProperty("getItem").GetRawText();
        var idiomatic = CodecTests.Data(await fixture.Idiomatic.QueryAsync("{ item(id: \"a1\") { " + CodecTests.AllFields + " } }")).GetProperty("item").GetRawText();
        Assert.Equal(mirror, idiomatic);
    }

    [Fact]
    public async Task A_one_field_response_reads_as_its_list()
    {
        var answer = await fixture.Idiomatic.QueryAsync("{ items(colors: [RED, GREEN]) { id color } }");
        Assert.Equal("[{\"id\":\"Red\",\"color\":\"RED\"},{\"id\":\"Green\",\"color\":\"GREEN\"}]", CodecTests.Data(answer).GetProperty("items").GetRawText());
    }

    [Fact]
    public async Task An_unspecified_enum_value_reads_as_null_instead_of_UNSPECIFIED()
    {
        var idiomatic = await fixture.Idiomatic.QueryAsync("mutation { saveItem(item: { id: \"z\" }) { id color } }");
        var mirror = await fixture.Gateway.QueryAsync("mutation { saveItem(item: { id: \"z\" }) { id color } }");
        Assert.Equal("{\"id\":\"z\",\"color\":null}", CodecTests.Data(idiomatic).GetProperty("saveItem").GetRawText());
        Assert.Equal("{\"id\":\"z\",\"color\":\"UNSPECIFIED\"}", CodecTests.Data(mirror).GetProperty("saveItem").GetRawText());
    }
}
