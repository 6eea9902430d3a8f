using FederatedGateway.Core.Composition;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;

namespace FederatedGateway.Core.Tests.Composition;

/// <summary>Each composition error: the code, the message naming the element and subgraph, and no supergraph.</summary>
public sealed class CompositionErrorTests
{
    public static TheoryData<string, SubgraphSource[], string, string> Cases() => new()
    {
        // Reading subgraphs
        { "syntax error", new[] { Fed2("a", "type Query { a: }") }, "INVALID_GRAPHQL", "The schema is not valid GraphQL" },
        { "unknown type", new[] { Fed2("a", "type Query { a: Missing }") }, "INVALID_GRAPHQL", "Unknown type \"Missing\" used by \"Query.a\"." },
        { "federation directive not imported", new[] { Fed2("a", "type Query { a: Int @shareable }", "\"@key\"") }, "INVALID_GRAPHQL", "Unknown directive \"@shareable\" on Query.a." },
        { "duplicate field", new[] { Fed2("a", "type Query { a: Int a: String }") }, "INVALID_GRAPHQL", "Field \"Query.a\" is defined more than once." },
        { "unknown interface", new[] { Fed2("a", "type Query { a: T } type T implements Node { id: ID }") }, "INVALID_GRAPHQL", "Type \"T\" implements unknown interface \"Node\"." },
        { "input type as output", new[] { Fed2("a", "type Query { a: In } input In { x: Int }") }, "INVALID_GRAPHQL", "\"Query.a\" must have an output type, but \"In\" is an input object type." },
        { "key on a union", new[] { Fed2("a", "type Query { a: U } union U @key(fields: \"id\") = T type T { id: ID }") }, "INVALID_GRAPHQL", "@key cannot be used on a union type \"U\"" },
        { "unknown federation version", new[] { new SubgraphSource("a", "http://a", "extend schema @link(url: \"https://specs.apollo.dev/federation/v3.0\", import: [\"@key\"]) type Query { a: Int }") }, "UNKNOWN_FEDERATION_LINK_VERSION", "Invalid version v3.0 for the federation feature" },
        { "unknown federation import", new[] { Fed2("a", "type Query { a: Int }", "\"@key\", \"@nope\"") }, "INVALID_LINK_DIRECTIVE_USAGE", "Cannot import unknown element \"@nope\" from the federation spec." },
        { "no subgraphs", Array.Empty<SubgraphSource>(), "NO_SUBGRAPHS", "There are no subgraphs to compose." },
        { "empty subgraph name", new[] { Fed2("", "type Query { a: Int }") }, "INVALID_SUBGRAPH_NAME", "Invalid subgraph name \"\"" },
        { "duplicate subgraph name", new[] { Fed2("a", "type Query { a: Int }"), Fed2("a", "type Query { b: Int }") }, "DUPLICATE_SUBGRAPH_NAME", "Subgraph name \"a\" is used more than once." },
        { "authenticated not supported", new[] { Fed2("a", "type Query { a: Int @authenticated }", "\"@authenticated\"") }, "UNSUPPORTED_FEATURE", "@authenticated on Query.a is not supported" },
        { "compose directive without link", new[] { Fed2("a", "directive @custom on FIELD_DEFINITION\nextend schema @composeDirective(name: \"@custom\")\ntype Query { a: Int @custom }", "\"@composeDirective\"") }, "DIRECTIVE_COMPOSITION_ERROR", "Directive \"@custom\" passed to @composeDirective must be imported from a spec with @link" },

        // Merging
        { "type kind mismatch", new[] { Fed2("a", "type Query { a: T } type T { id: ID @shareable }"), Fed2("b", "type Query { b: T } interface T { id: ID }") }, "TYPE_KIND_MISMATCH", "Type \"T\" has mismatched kind: it is defined as Object Type in subgraph \"a\" but Interface Type in subgraph \"b\"." },
        { "field type mismatch", new[] { Fed2("a", "type Query { a: T } type T { x: Int @shareable }"), Fed2("b", "type Query { b: T } type T { x: String @shareable }") }, "FIELD_TYPE_MISMATCH", "Type of field \"T.x\" is incompatible across subgraphs: it has type \"Int\" in subgraph \"a\" and type \"String\" in subgraph \"b\"." },
        { "argument type mismatch", new[] { Fed2("a", "type Query { a(x: Int): Int @shareable }"), Fed2("b", "type Query { a(x: String): Int @shareable }") }, "FIELD_ARGUMENT_TYPE_MISMATCH", "Type of argument \"Query.a(x:)\" is incompatible across subgraphs" },
        { "required argument missing", new[] { Fed2("a", "type Query { a(x: Int!): Int @shareable }"), Fed2("b", "type Query { a: Int @shareable }") }, "REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH", "Argument \"Query.a(x:)\" is required in some subgraphs but does not appear in all subgraphs: it is required in subgraph \"a\" but does not appear in subgraph \"b\"." },
        { "argument defaults differ", new[] { Fed2("a", "type Query { a(x: Int = 1): Int @shareable }"), Fed2("b", "type Query { a(x: Int = 2): Int @shareable }") }, "FIELD_ARGUMENT_DEFAULT_MISMATCH", "Argument \"Query.a(x:)\" has incompatible default values across subgraphs: it has default value 1 in subgraph \"a\" and 2 in subgraph \"b\"." },
        { "input field defaults differ", new[] { Fed2("a", "type Query { a(f: F): Int } input F { x: Int = 1 }"), Fed2("b", "type Query { b(f: F): Int } input F { x: Int = 2 }") }, "INPUT_FIELD_DEFAULT_MISMATCH", "Input field \"F.x\" has incompatible default values across subgraphs" },
        { "required input field missing", new[] { Fed2("a", "type Query { a(f: F): Int } input F { x: Int! y: Int }"), Fed2("b", "type Query { b(f: F): Int } input F { y: Int }") }, "REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH", "Input object field \"F.x\" is required in some subgraphs but does not appear in all subgraphs: it is required in subgraph \"a\" but does not appear in subgraph \"b\"." },
        { "empty merged input", new[] { Fed2("a", "type Query { a(f: F): Int } input F { x: Int }"), Fed2("b", "type Query { b(f: F): Int } input F { y: Int }") }, "EMPTY_MERGED_INPUT_TYPE", "None of the fields of input object type \"F\" are consistently defined in all the subgraphs defining that type." },
        { "enum values differ in input and output", new[] { Fed2("a", "type Query { a(e: E): E } enum E { X Y }"), Fed2("b", "type Query { b: E } enum E { X }") }, "ENUM_VALUE_MISMATCH", "Enum type \"E\" is used as both input type (for example, as type of \"Query.a(e:)\") and output type (for example, as type of \"Query.a\"), but value \"Y\" is not defined in all the subgraphs defining \"E\": \"Y\" is defined in subgraph \"a\" but not in subgraph \"b\"." },
        { "empty merged input enum", new[] { Fed2("a", "type Query { a(e: E): Int } enum E { X }"), Fed2("b", "type Query { b(e: E): Int } enum E { Y }") }, "EMPTY_MERGED_ENUM_TYPE", "None of the values of enum type \"E\" are defined consistently in all the subgraphs defining that type." },

        // Sharing, keys, requires, provides, external
        { "value type field not shareable", new[] { Fed2("a", "type Query { a: T } type T { x: Int }"), Fed2("b", "type Query { b: T } type T { x: Int }") }, "INVALID_FIELD_SHARING", "Non-shareable field \"T.x\" is resolved from multiple subgraphs: it is resolved from subgraphs \"a\" and \"b\" and defined as non-shareable in all of them." },
        { "root field not shareable in one", new[] { Fed2("a", "type Query { a: Int @shareable }"), Fed2("b", "type Query { a: Int }") }, "INVALID_FIELD_SHARING", "Non-shareable field \"Query.a\" is resolved from multiple subgraphs: it is resolved from subgraphs \"a\" and \"b\" and defined as non-shareable in subgraph \"b\"." },
        { "key names a missing field", new[] { Fed2("a", "type Query { a: T } type T @key(fields: \"uid\") { id: ID }") }, "KEY_INVALID_FIELDS", "On type \"T\", for @key(fields: \"uid\"): Cannot query field \"uid\" on type \"T\"" },
        { "key is not a selection", new[] { Fed2("a", "type Query { a: T } type T @key(fields: \"id {\") { id: ID }") }, "KEY_INVALID_FIELDS", "On type \"T\", for @key(fields: \"id {\"):" },
        { "key field with arguments", new[] { Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id(x: Int): ID }") }, "KEY_FIELDS_HAS_ARGS", "field \"T.id\" includes arguments (fields with argument are not allowed in @key)." },
        { "key selects a union", new[] { Fed2("a", "type Query { a: T } union U = T type T @key(fields: \"u { __typename }\") { id: ID u: U }") }, "KEY_FIELDS_SELECT_INVALID_TYPE", "field \"T.u\" is a Union type which is not allowed in @key." },
        { "key composite field without selection", new[] { Fed2("a", "type Query { a: T } type T @key(fields: \"o\") { o: O } type O { id: ID }") }, "KEY_INVALID_FIELDS", "Field \"T.o\" of type \"O\" must have a selection of subfields." },
        { "requires a missing field", new[] { Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID x: Int @requires(fields: \"y\") }") }, "REQUIRES_INVALID_FIELDS", "On field \"T.x\", for @requires(fields: \"y\"): Cannot query field \"y\" on type \"T\"" },
        { "requires a field that is not external", new[] { Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID y: Int x: Int @requires(fields: \"y\") }") }, "REQUIRES_FIELDS_MISSING_EXTERNAL", "field \"T.y\" should not be part of a @requires since it is already provided by this subgraph (it is not marked @external)." },
        { "requires on an interface field", new[] { Fed2("a", "type Query { a: I } interface I { id: ID x: Int @requires(fields: \"id\") } type T implements I @key(fields: \"id\") { id: ID x: Int }") }, "REQUIRES_UNSUPPORTED_ON_INTERFACE", "Cannot use @requires on field \"I.x\" of parent type \"I\"" },
        { "provides on a scalar field", new[] { Fed2("a", "type Query { a: Int @provides(fields: \"x\") }") }, "PROVIDES_ON_NON_OBJECT_FIELD", "Invalid @provides directive on field \"Query.a\": field has type \"Int\" which is not a Composite Type." },
        { "provides a missing field", new[] { Fed2("a", "type Query { a: T @provides(fields: \"nope\") } type T @key(fields: \"id\") { id: ID }") }, "PROVIDES_INVALID_FIELDS", "On field \"Query.a\", for @provides(fields: \"nope\"): Cannot query field \"nope\" on type \"T\"" },
        { "provides a field that is not external", new[] { Fed2("a", "type Query { a: T @provides(fields: \"x\") } type T @key(fields: \"id\") { id: ID x: Int }") }, "PROVIDES_FIELDS_MISSING_EXTERNAL", "field \"T.x\" should not be part of a @provides since it is already \"effectively\" provided by this subgraph" },
        { "unused external", new[] { Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID x: Int @external }"), Fed2("b", "type T @key(fields: \"id\") { id: ID x: Int }") }, "EXTERNAL_UNUSED", "Field \"T.x\" is marked @external but is not used in any federation directive (@key, @provides, @requires) or to satisfy an interface" },
        { "external everywhere", new[] { Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID x: Int @external y: Int @requires(fields: \"x\") }") }, "EXTERNAL_MISSING_ON_BASE", "Field \"T.x\" is marked @external on all the subgraphs in which it is listed (subgraph \"a\")." },
        { "external on an interface", new[] { Fed2("a", "type Query { a: I } interface I { x: Int @external } type T implements I { x: Int }") }, "EXTERNAL_ON_INTERFACE", "Interface type field \"I.x\" is marked @external but @external is not allowed on interface fields." },

        // Override, shareable, interface objects, interfaces
        { "override from itself", new[] { Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID x: Int @override(from: \"a\") }") }, "OVERRIDE_FROM_SELF_ERROR", "Source and destination subgraphs \"a\" are the same for overridden field \"T.x\"." },
        { "override with external", new[] { Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID x: Int @external @override(from: \"b\") y: Int @requires(fields: \"x\") }"), Fed2("b", "type T @key(fields: \"id\") { id: ID x: Int }") }, "OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE", "@override cannot be used on field \"T.x\" on subgraph \"a\" since \"T.x\" on \"a\" is marked with directive \"@external\"." },
        { "override of an override", new[] { Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID x: Int @override(from: \"b\") }"), Fed2("b", "type T @key(fields: \"id\") { id: ID x: Int @override(from: \"a\") }") }, "OVERRIDE_SOURCE_HAS_OVERRIDE", "Field \"T.x\" on subgraph \"a\" is also marked with directive @override in subgraph \"b\"." },
        { "override on an interface", new[] { Fed2("a", "type Query { a: I } interface I { x: Int @override(from: \"b\") } type T implements I { x: Int }") }, "OVERRIDE_ON_INTERFACE", "@override cannot be used on field \"I.x\" on subgraph \"a\": @override is not supported on interface type fields." },
        { "shareable on an interface field", new[] { Fed2("a", "type Query { a: I } interface I { x: Int @shareable } type T implements I { x: Int }") }, "INVALID_SHAREABLE_USAGE", "Invalid use of @shareable on field \"I.x\": only object type fields can be marked with @shareable." },
        { "interface object without key", new[] { Fed2("a", "type Query { a: I } type I @interfaceObject { id: ID }") }, "INTERFACE_OBJECT_USAGE_ERROR", "The @interfaceObject directive can only be applied to entity types but type \"I\" has no @key in this subgraph." },
        { "interface object without an interface", new[] { Fed2("a", "type Query { a: I } type I @key(fields: \"id\") @interfaceObject { id: ID }") }, "INTERFACE_OBJECT_USAGE_ERROR", "Type \"I\" is declared with @interfaceObject in all the subgraphs in which is is defined" },
        { "implementation lacks an interface field", new[] { Fed2("a", "type Query { a: I } interface I { id: ID x: Int } type T implements I @key(fields: \"id\") { id: ID x: Int }"), Fed2("b", "interface I { id: ID y: Int } type U implements I { id: ID y: Int } type Query { u: U }") }, "INTERFACE_FIELD_NO_IMPLEM", "Interface field \"I.y\" is declared in subgraph \"b\" but type \"T\", which implements \"I\" only in subgraph \"a\" does not have field \"y\"." },
        { "interface key missing on implementation", new[] { Fed2("a", "type Query { a: I } interface I @key(fields: \"id\") { id: ID } type T implements I { id: ID }") }, "INTERFACE_KEY_NOT_ON_IMPLEMENTATION", "Key @key(fields: \"id\") on interface type \"I\" is missing on implementation type \"T\"." },
        { "entity interface missing an implementation", new[] { Fed2("a", "type Query { a: I } interface I @key(fields: \"id\") { id: ID } type T implements I @key(fields: \"id\") { id: ID }"), Fed2("b", "interface I { id: ID } type U implements I @key(fields: \"id\") { id: ID } type Query { u: U }") }, "INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE", "Interface type \"I\" has a resolvable key (@key(fields: \"id\")) in subgraph \"a\" but that subgraph is missing some of the supergraph implementation types of \"I\". Subgraph \"a\" should define type \"U\" (and have it implement \"I\")." },

        // Inaccessible
        { "inaccessible type referenced", new[] { Fed2("a", "type Query { a: T } type T @inaccessible { x: Int }") }, "REFERENCED_INACCESSIBLE", "Type \"T\" is @inaccessible but is referenced by \"Query.a\", which is in the API schema." },
        { "all fields inaccessible", new[] { Fed2("a", "type Query { a: T } type T { x: Int @inaccessible }") }, "ONLY_INACCESSIBLE_CHILDREN", "Type \"T\" is in the API schema but all of its fields are @inaccessible." },
        { "query root inaccessible", new[] { Fed2("a", "type Query @inaccessible { a: Int }") }, "QUERY_ROOT_TYPE_INACCESSIBLE", "Type \"Query\" is @inaccessible but is the query root type" },
        { "required argument inaccessible", new[] { Fed2("a", "type Query { a(x: Int! @inaccessible): Int }") }, "REQUIRED_INACCESSIBLE", "Argument \"Query.a(x:)\" is @inaccessible but is a required argument of its field." },
        { "implementation field inaccessible", new[] { Fed2("a", "type Query { a: I } interface I { x: Int y: Int } type T implements I { x: Int @inaccessible y: Int }") }, "IMPLEMENTED_BY_INACCESSIBLE", "Field \"T.x\" is @inaccessible but implements the interface field \"I.x\", which is in the API schema." },

        // Whole graph
        { "no query fields", new[] { Fed2("a", "type T @key(fields: \"id\") { id: ID }") }, "NO_QUERIES", "No queries found in any subgraph: a supergraph must have a query root type." },
        { "value type field only in another subgraph", new[] { Fed2("a", "type Query { a: T } type T { x: Int @shareable }"), Fed2("b", "type Query { b: T } type T { x: Int @shareable y: Int }") }, "SATISFIABILITY_ERROR", "The following supergraph API query:\n{\n  a {\n    y\n  }\n}\ncannot be satisfied by the subgraphs because:\n- from subgraph \"a\": cannot find field \"T.y\".\n- from subgraph \"a\": cannot move to subgraph \"b\", which has field \"T.y\", because type \"T\" has no @key defined in subgraph \"b\"." },
        { "key fields not available", new[] { Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID }"), Fed2("b", "type T @key(fields: \"sku\") { sku: ID z: Int }") }, "SATISFIABILITY_ERROR", "- from subgraph \"a\": cannot move to subgraph \"b\" using @key(fields: \"sku\") of \"T\", the key field(s) cannot be resolved from subgraph \"a\"." },
        { "non-resolvable key only", new[] { Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID }"), Fed2("b", "type T @key(fields: \"id\", resolvable: false) { id: ID z: Int }") }, "SATISFIABILITY_ERROR", "cannot find field \"T.z\"" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_the_error_with_its_code_and_message(string name, SubgraphSource[] subgraphs, string code, string message)
    {
        var result = SupergraphComposer.Compose(subgraphs);

        Assert.False(result.Succeeded, name);
        Assert.Null(result.SupergraphSdl);
        var error = result.Errors.FirstOrDefault(e => e.Code == code);
        Assert.True(error is not null, $"{name}: expected {code}, got:\n{string.Join("\n", result.Errors)}");
        Assert.Contains(message, error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void There_are_at_least_forty_negative_cases() => Assert.True(Cases().Count >= 40);
}
