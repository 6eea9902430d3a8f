using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.Grpc.Translation;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace FederatedGateway.Grpc.Tests;

/// <summary>One test per translation rule, on the SDL translated from the kitchen-sink and market services.</summary>
public sealed class TranslationRuleTests
{
    private static readonly string Kitchen = TestSchemas.Kitchen().Sdl;
    private static readonly string Market = TestSchemas.Market().Sdl;

    [Fact]
    public void Messages_become_object_and_input_types() =>
        AssertContains(Kitchen, "type Part {\n  name: String!\n}", "input PartInput {\n  name: String\n}");

    [Fact]
    public void Nested_messages_are_named_after_their_parents() =>
        AssertContains(Kitchen, "type ItemInner {", "inner: ItemInner\n");

    [Fact]
    public void Enums_become_enums_without_their_shared_prefix() =>
        AssertContains(Kitchen, "enum Color {\n  UNSPECIFIED\n  RED\n  GREEN\n}", "enum Mood {\n  CALM\n  ANGRY\n}");

    [Fact]
    public void Repeated_fields_become_lists() =>
        AssertContains(Kitchen, "tags: [String!]!", "scores: [Int!]!", "partList: [Part!]!", "tags: [String!]\n");

    [Fact]
    public void Maps_become_lists_of_key_value_entries() =>
        AssertContains(Kitchen, "limits: [ItemLimitsEntry!]!", "type ItemLimitsEntry {\n  key: String!\n  value: Int!\n}",
            "type ItemPartsEntry {\n  key: String!\n  value: Part\n}", "input ItemLimitsEntryInput {");

    [Fact]
    public void Oneofs_become_unions_on_output_and_oneOf_inputs_on_input() =>
        AssertContains(Kitchen, "payload: ItemPayload\n", "union ItemPayload = Part | ItemPayloadNote | Gadget",
            "type ItemPayloadNote {\n  note: String!\n}", "input ItemPayloadInput @oneOf {\n  part: PartInput\n  note: String\n  gadget: GadgetInput\n}",
            "filter: ListItemsRequestFilterInput)");

    [Fact]
    public void Timestamp_and_Duration_become_string_scalars() =>
        AssertContains(Kitchen, "createdAt: DateTime\n", "ttl: Duration\n", "scalar DateTime", "scalar Duration");

    [Fact]
    public void Wrappers_become_nullable_scalars() =>
        AssertContains(Kitchen, "nickname: String\n", "bigWrapper: Int64\n");

    [Fact]
    public void Struct_Value_ListValue_and_Any_become_JSON() =>
        AssertContains(Kitchen, "attributes: JSON\n", "anything: JSON\n", "list: JSON\n", "extra: JSON\n", "scalar JSON");

    [Fact]
    public void Empty_becomes_Boolean() =>
        AssertContains(Kitchen, "marker: Boolean\n", "ping: Boolean\n", "touch(id: String): Boolean");

    [Fact]
    public void FieldMask_becomes_a_list_of_paths() =>
        AssertContains(Kitchen, "mask: [String!]\n", "listItems(colors: [Color!], mask: [String!],");

    [Fact]
    public void Sixty_four_bit_integers_become_Int64_scalars() =>
        AssertContains(Kitchen, "big: Int64!", "ubig: UInt64!", "delta: Int64!", "scalar Int64", "scalar UInt64");

    [Fact]
    public void Bytes_become_Base64() => AssertContains(Kitchen, "blob: Base64!", "scalar Base64");

    [Fact]
    public void Proto3_optional_scalars_are_nullable() => AssertContains(Kitchen, "maybe: Int\n");

    [Fact]
    public void Read_like_unary_rpcs_become_Query_fields() =>
        AssertContains(Kitchen, "type Query {", "getItem(id: String): Item", "listItems(", "computed(id: String): Item", "touch(id: String): Boolean");

    [Fact]
    public void Other_unary_rpcs_become_Mutation_fields() =>
        AssertContains(Kitchen, "type Mutation {\n  \"gRPC fgwtest.kitchen.v1.Kitchen/Ping\"\n  ping: Boolean\n", "saveItem(item: ItemInput): Item");

    [Fact]
    public void Server_streaming_rpcs_become_Subscription_fields() =>
        AssertContains(Kitchen, "type Subscription {\n  \"gRPC fgwtest.kitchen.v1.Kitchen/WatchItems\"\n  watchItems(id: String): Item\n}");

    [Fact]
    public void Skipped_and_client_streaming_rpcs_are_left_out()
    {
        Assert.DoesNotContain("hidden", Kitchen, StringComparison.Ordinal);
        Assert.DoesNotContain("upload", Kitchen, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_are_camelCase_and_can_be_renamed() =>
        AssertContains(Kitchen, "createdAt: DateTime", "mainPart: Part", "alias: String!", "computed(");

    [Fact]
    public void Entities_get_their_key() =>
        AssertContains(Market, "type Quote @key(fields: \"symbol\") {\n  symbol: ID!", "type Exchange @key(fields: \"code\") {");

    [Fact]
    public void External_and_requires_fields_are_marked() =>
        AssertContains(Market, "quantity: Int! @external", "exposure: Float! @requires(fields: \"quantity\")");

    [Fact]
    public void Int64_as_number_keeps_the_scalar_and_changes_the_binding()
    {
        var schema = TestSchemas.Kitchen(TestSchemas.Mirror with { Int64AsNumber = true });
        Assert.Contains("big: Int64!", schema.Sdl, StringComparison.Ordinal);
        Assert.True(schema.Options.Int64AsNumber);
    }

    [Fact]
    public void Entity_without_lookup_is_not_resolvable()
    {
        var schema = GrpcSchemaTranslator.Translate(Build(entityLookup: null));
        Assert.Contains("type Thing @key(fields: \"id\", resolvable: false)", schema.Sdl, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_lookup_method_is_a_clear_error()
    {
        var error = Assert.Throws<GrpcSourceException>(() => GrpcSchemaTranslator.Translate(Build(entityLookup: "Nope")));
        Assert.Contains("lookup method \"Nope\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_field_missing_from_the_message_is_a_clear_error()
    {
        var error = Assert.Throws<GrpcSourceException>(() => GrpcSchemaTranslator.Translate(Build(entityLookup: "GetThing", key: "missing")));
        Assert.Contains("key field \"missing\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_import_is_a_clear_error()
    {
        var file = new FileDescriptorProto { Name = "a.proto", Syntax = "proto3", Dependency = { "b.proto" } };
        var error = Assert.Throws<GrpcSourceException>(() => ProtoFiles.FromSerialized([file.ToByteString()], "test"));
        Assert.Contains("imports \"b.proto\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Translation_is_deterministic() => Assert.Equal(Kitchen, TestSchemas.Kitchen().Sdl);

    /// <summary>A one-message service built in code: Thing { string id } with an entity option.</summary>
    private static ProtoFiles Build(string? entityLookup, string key = "id")
    {
        var entity = new Options.EntityOptions { Key = key, Lookup = entityLookup ?? "" };
        var options = new MessageOptions();
        options.SetExtension(Options.OptionsExtensions.Entity, entity);
        var file = new FileDescriptorProto
        {
            Name = "thing.proto",
            Package = "t",
            Syntax = "proto3",
            Dependency = { "fgw/options.proto", "google/protobuf/descriptor.proto" },
            MessageType =
            {
                new DescriptorProto
                {
                    Name = "Thing",
                    Options = options,
                    Field = { new FieldDescriptorProto { Name = "id", Number = 1, Type = FieldDescriptorProto.Types.Type.String, Label = FieldDescriptorProto.Types.Label.Optional, JsonName = "id" } },
                },
            },
            Service =
            {
                new ServiceDescriptorProto { Name = "Things", Method = { new MethodDescriptorProto { Name = "GetThing", InputType = ".t.Thing", OutputType = ".t.Thing" } } },
            },
        };
        return ProtoFiles.FromSerialized(
            [file.ToByteString(), Options.OptionsReflection.Descriptor.SerializedData, DescriptorReflection.Descriptor.SerializedData], "built");
    }

    private static void AssertContains(string sdl, params string[] parts)
    {
        foreach (var part in parts)
        {
            Assert.Contains(part, sdl, StringComparison.Ordinal);
        }
    }
}
