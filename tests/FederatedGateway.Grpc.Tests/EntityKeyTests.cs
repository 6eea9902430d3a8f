using System.Text.Json;
using FederatedGateway.Grpc.Client;
using FederatedGateway.Grpc.Codec;
using FederatedGateway.Grpc.Tests.Infrastructure;
using Google.Protobuf;

namespace FederatedGateway.Grpc.Tests;

/// <summary>
/// A batch lookup pairs answers with keys by the key's wire value: the key read straight from a representation's
/// JSON must be the key of the same representation encoded, and of the entity the service answers for it.
/// </summary>
public sealed class EntityKeyTests
{
    [Theory]
    [InlineData("AB")]
    [InlineData("Zürich-Ω")]
    [InlineData("tab\tand \"quote\"")]
    [InlineData("")]
    public void A_string_key_read_from_the_JSON_equals_the_key_of_the_encoded_representation(string symbol)
    {
        var schema = TestSchemas.Market();
        var quote = schema.Entities["Quote"];
        using var representation = JsonDocument.Parse(JsonSerializer.Serialize(new { __typename = "Quote", symbol }));

        var fromJson = EntityKey.OfStringKey(representation.RootElement, quote.KeyFields);
        var encoded = EntityKey.Of(ProtoEncoder.Encode(quote.Entity, representation.RootElement, schema), quote.KeyFields);
        var answered = EntityKey.Of(new Market.Quote { Symbol = symbol, Bid = 1 }.ToByteArray(), quote.KeyFields);

        Assert.NotNull(fromJson);
        Assert.Equal(answered, fromJson);
        if (symbol.Length > 0)
        {
            // The encoder writes an empty string out; a service's answer leaves it off the wire, as proto3 does.
            Assert.Equal(encoded, fromJson);
        }
    }

    [Fact]
    public void Keys_that_are_not_one_string_are_left_to_the_encoder()
    {
        var schema = TestSchemas.Market();
        using var representation = JsonDocument.Parse("{\"__typename\":\"Quote\",\"symbol\":42}");

        Assert.Null(EntityKey.OfStringKey(representation.RootElement, schema.Entities["Quote"].KeyFields));
    }
}
