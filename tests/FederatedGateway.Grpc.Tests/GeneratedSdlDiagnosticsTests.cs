using FederatedGateway.Core.Composition;
using FederatedGateway.Grpc.Composition;
using FederatedGateway.Grpc.Tests.Infrastructure;

namespace FederatedGateway.Grpc.Tests;

/// <summary>A composition error about a gRPC source's generated SDL names the proto element it came from.</summary>
public sealed class GeneratedSdlDiagnosticsTests
{
    [Fact]
    public void An_error_located_in_generated_SDL_names_the_proto_field_and_file()
    {
        // Alone, the market service's Instrument.quantity is @external with no subgraph owning it.
        var result = SupergraphComposer.Compose([GrpcSubgraphSources.Create("market", "grpc://127.0.0.1:1", TestSchemas.Market())]);

        var error = Assert.Single(result.Errors, e => e.Code == "EXTERNAL_MISSING_ON_BASE");
        Assert.Equal("market", error.Subgraph);
        Assert.Contains("(generated from field fgwtest.market.v1.Instrument.quantity (market.proto))", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_line_of_a_translated_type_knows_its_message_or_field()
    {
        var schema = TestSchemas.Market();
        var lines = schema.Sdl.Split('\n');
        var quote = Array.FindIndex(lines, l => l.StartsWith("type Quote ", StringComparison.Ordinal));
        Assert.Equal("message fgwtest.market.v1.Quote (market.proto)", schema.LineOrigins[quote]);
        Assert.Equal("field fgwtest.market.v1.Quote.bid (market.proto)", schema.LineOrigins[Array.FindIndex(lines, quote, l => l == "  bid: Float!")]);
    }
}
