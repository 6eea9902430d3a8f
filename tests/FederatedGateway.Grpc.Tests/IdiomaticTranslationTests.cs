using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.Grpc.Translation;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace FederatedGateway.Grpc.Tests;

/// <summary>The idiomatic style (the default) against the mirror style, rule by rule, on the same descriptors.</summary>
public sealed class IdiomaticTranslationTests
{
    private static readonly string Kitchen = TestSchemas.Kitchen(TranslationOptions.Default).Sdl;
    private static readonly string Market = TestSchemas.Market(TranslationOptions.Default).Sdl;

    [Fact]
    public void Read_rpcs_are_named_after_what_they_return_and_writes_keep_their_verb()
    {
        Assert.Contains("\n  item(id: String): Item\n", Kitchen, StringComparison.Ordinal);
        Assert.Contains("\n  saveItem(item: ItemInput): Item\n", Kitchen, StringComparison.Ordinal);
        Assert.Contains("\n  quote(symbol: String): Quote\n", Market, StringComparison.Ordinal);
        Assert.Contains("\n  getItem(id: String): Item\n", TestSchemas.Kitchen().Sdl, StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_field_response_is_unwrapped_to_that_field()
    {
        Assert.Contains("\n  items(colors: [Color!], mask: [String!], filter: ListItemsRequestFilterInput): [Item!]!\n", Kitchen, StringComparison.Ordinal);
        Assert.DoesNotContain("type ListItemsResponse", Kitchen, StringComparison.Ordinal);
        Assert.Contains("type ListItemsResponse", TestSchemas.Kitchen().Sdl, StringComparison.Ordinal);
    }

    [Fact]
    public void Streaming_rpcs_lose_their_verb_in_the_subscription_type() =>
        Assert.Contains("type Subscription {\n  \"gRPC fgwtest.kitchen.v1.Kitchen/WatchItems\"\n  items(", Kitchen, StringComparison.Ordinal);

    [Fact]
    public void An_unspecified_zero_enum_value_is_hidden_and_its_fields_are_nullable()
    {
        Assert.Contains("enum Color {\n  RED\n  GREEN\n}", Kitchen, StringComparison.Ordinal);
        Assert.Contains("\n  color: Color\n", Kitchen, StringComparison.Ordinal);
        Assert.Contains("enum Color {\n  UNSPECIFIED\n  RED\n  GREEN\n}", TestSchemas.Kitchen().Sdl, StringComparison.Ordinal);
    }

    [Fact]
    public void Entity_keys_are_IDs_and_lookup_keys_are_required_arguments()
    {
        Assert.Contains("type Exchange @key(fields: \"code\") {\n  code: ID!", Market, StringComparison.Ordinal);
        Assert.Contains("\n  exchange(code: ID!): Exchange\n", Market, StringComparison.Ordinal);
        Assert.Contains("\n  quotes(symbols: [ID!]!): [Quote!]!\n", Market, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_behavior_REQUIRED_request_field_is_a_required_argument()
    {
        var idiomatic = GrpcSchemaTranslator.Translate(Build()).Sdl;
        var mirror = GrpcSchemaTranslator.Translate(Build(), TestSchemas.Mirror).Sdl;

        Assert.Contains("\n  thing(name: String!, note: String): Thing\n", idiomatic, StringComparison.Ordinal);
        Assert.Contains("\n  getThing(name: String, note: String): Thing\n", mirror, StringComparison.Ordinal);
    }

    /// <summary>A service whose request marks <c>name</c> <c>(google.api.field_behavior) = REQUIRED</c> (extension 1052, value 2).</summary>
    private static ProtoFiles Build()
    {
        var required = FieldOptions.Parser.ParseFrom([0xE0, 0x41, 0x02]);
        static FieldDescriptorProto Text(string name, int number) =>
            new() { Name = name, Number = number, Type = FieldDescriptorProto.Types.Type.String, Label = FieldDescriptorProto.Types.Label.Optional, JsonName = name };
        var name = Text("name", 1);
        name.Options = required;
        var file = new FileDescriptorProto
        {
            Name = "thing.proto",
            Package = "t",
            Syntax = "proto3",
            MessageType =
            {
                new DescriptorProto { Name = "Thing", Field = { Text("id", 1), Text("label", 2) } },
                new DescriptorProto { Name = "GetThingRequest", Field = { name, Text("note", 2) } },
            },
            Service =
            {
                new ServiceDescriptorProto { Name = "Things", Method = { new MethodDescriptorProto { Name = "GetThing", InputType = ".t.GetThingRequest", OutputType = ".t.Thing" } } },
            },
        };
        return ProtoFiles.FromSerialized([file.ToByteString()], "built");
    }
}
