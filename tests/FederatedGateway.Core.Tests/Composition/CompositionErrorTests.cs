using FederatedGateway.Core.Composition;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;

namespace FederatedGateway.Core.Tests.Composition;

/// <summary>
/// Errors of reading and merging subgraphs (the validation rules have their own tests under Rules/): the code, the
/// message naming the element and subgraph, and no supergraph.
/// </summary>
public sealed class CompositionErrorTests
{
    public static TheoryData<string, SubgraphSource[], string, string> Cases() => new()
    {
        // Reading subgraphs
        { "syntax error", new[] { Fed2("a", "type Query { a: }") }, "INVALID_GRAPHQL", "The schema is not valid GraphQL" },
        { "federation directive not imported", new[] { Fed2("a", "type Query { a: Int @shareable }", "\"@key\"") }, "INVALID_GRAPHQL", "Unknown directive \"@shareable\" on Query.a." },
        { "duplicate field", new[] { Fed2("a", "type Query { a: Int a: String }") }, "INVALID_GRAPHQL", "Field \"Query.a\" is defined more than once." },
        { "unknown federation version", new[] { new SubgraphSource("a", "http://a", "extend schema @link(url: \"https://specs.apollo.dev/federation/v3.0\", import: [\"@key\"]) type Query { a: Int }") }, "UNKNOWN_FEDERATION_LINK_VERSION", "Invalid version v3.0 for the federation feature" },
        { "unknown federation import", new[] { Fed2("a", "type Query { a: Int }", "\"@key\", \"@nope\"") }, "INVALID_LINK_DIRECTIVE_USAGE", "Cannot import unknown element \"@nope\" from the federation spec." },
        { "no subgraphs", Array.Empty<SubgraphSource>(), "NO_SUBGRAPHS", "There are no subgraphs to compose." },
        { "empty subgraph name", new[] { Fed2("", "type Query { a: Int }") }, "INVALID_SUBGRAPH_NAME", "Invalid subgraph name \"\"" },
        { "duplicate subgraph name", new[] { Fed2("a", "type Query { a: Int }"), Fed2("a", "type Query { b: Int }") }, "DUPLICATE_SUBGRAPH_NAME", "Subgraph name \"a\" is used more than once." },
        { "context not supported", new[] { Fed2("a", "type Query { a: T } type T @context(name: \"c\") { id: ID }", "\"@context\"") }, "UNSUPPORTED_FEATURE", "@context on T is not supported" },
        { "deprecation reason not a string", new[] { Fed2("a", "type Query { a: Int @deprecated(reason: 123) }") }, "INVALID_GRAPHQL", "Argument \"@deprecated(reason:)\" on \"Query.a\" has invalid value 123: it must be a String." },
        { "enum value deprecation reason not a string", new[] { Fed2("a", "type Query { a: E } enum E { X @deprecated(reason: [\"old\"]) Y }") }, "INVALID_GRAPHQL", "Argument \"@deprecated(reason:)\" on \"E.X\" has invalid value [\"old\"]: it must be a String." },
        { "argument deprecation reason not a string", new[] { Fed2("a", "type Query { a(x: Int @deprecated(reason: true)): Int }") }, "INVALID_GRAPHQL", "Argument \"@deprecated(reason:)\" on \"Query.a(x:)\" has invalid value true: it must be a String." },
        { "specifiedBy url not a string", new[] { Fed2("a", "type Query { a: D } scalar D @specifiedBy(url: 1)") }, "INVALID_GRAPHQL", "Argument \"@specifiedBy(url:)\" on \"D\" has invalid value 1: it must be a String." },
        { "compose directive without link", new[] { Fed2("a", "directive @custom on FIELD_DEFINITION\nextend schema @composeDirective(name: \"@custom\")\ntype Query { a: Int @custom }", "\"@composeDirective\"") }, "DIRECTIVE_COMPOSITION_ERROR", "Directive \"@custom\" passed to @composeDirective must be imported from a spec with @link" },

        // Merging
        { "type kind mismatch", new[] { Fed2("a", "type Query { a: T } type T { id: ID @shareable }"), Fed2("b", "type Query { b: T } interface T { id: ID }") }, "TYPE_KIND_MISMATCH", "Type \"T\" has mismatched kind: it is defined as Object Type in subgraph \"a\" but Interface Type in subgraph \"b\"." },
        { "field type mismatch", new[] { Fed2("a", "type Query { a: T } type T { x: Int @shareable }"), Fed2("b", "type Query { b: T } type T { x: String @shareable }") }, "FIELD_TYPE_MISMATCH", "Type of field \"T.x\" is incompatible across subgraphs: it has type \"Int\" in subgraph \"a\" and type \"String\" in subgraph \"b\"." },
        { "argument type mismatch", new[] { Fed2("a", "type Query { a(x: Int): Int @shareable }"), Fed2("b", "type Query { a(x: String): Int @shareable }") }, "FIELD_ARGUMENT_TYPE_MISMATCH", "Type of argument \"Query.a(x:)\" is incompatible across subgraphs" },
        { "required argument missing", new[] { Fed2("a", "type Query { a(x: Int!): Int @shareable }"), Fed2("b", "type Query { a: Int @shareable }") }, "REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH", "Argument \"Query.a(x:)\" is required in some subgraphs but does not appear in all subgraphs: it is required in subgraph \"a\" but does not appear in subgraph \"b\"." },
        { "argument defaults differ", new[] { Fed2("a", "type Query { a(x: Int = 1): Int @shareable }"), Fed2("b", "type Query { a(x: Int = 2): Int @shareable }") }, "FIELD_ARGUMENT_DEFAULT_MISMATCH", "Argument \"Query.a(x:)\" has incompatible default values across subgraphs: it has default value 1 in subgraph \"a\" and 2 in subgraph \"b\"." },
        { "input field defaults differ", new[] { Fed2("a", "type Query { a(f: F): Int } input F { x: Int = 1 }"), Fed2("b", "type Query { b(f: F): Int } input F { x: Int = 2 }") }, "INPUT_FIELD_DEFAULT_MISMATCH", "Input field \"F.x\" has incompatible default values across subgraphs" },
        { "required input field missing", new[] { Fed2("a", "type Query { a(f: F): Int } input F { x: Int! y: Int }"), Fed2("b", "type Query { b(f: F): Int } input F { y: Int }") }, "REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH", "Input object field \"F.x\" is required in some subgraphs but does not appear in all subgraphs: it is required in subgraph \"a\" but does not appear in subgraph \"b\"." },

        // Field sets that do not parse
        { "key is not a selection", new[] { Fed2("a", "type Query { a: T } type T @key(fields: \"id {\") { id: ID }") }, "KEY_INVALID_FIELDS", "On type \"T\", for @key(fields: \"id {\"):" },

        // Satisfiability
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

    /// <summary>Errors about a place in one subgraph's schema say where (line:column) and how to fix it.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Errors_in_one_subgraphs_schema_have_a_position_and_a_hint(string name, SubgraphSource[] subgraphs, string code, string message)
    {
        _ = message;
        if (subgraphs.Length != 1 || code is "NO_SUBGRAPHS" or "INVALID_SUBGRAPH_NAME")
        {
            return; // errors between subgraphs, or about the list itself
        }

        var error = SupergraphComposer.Compose(subgraphs).Errors.First(e => e.Code == code);

        Assert.True(error.Line is > 0 && error.Column is > 0, $"{name}: no line:column in {error}");
        Assert.False(string.IsNullOrWhiteSpace(error.Hint), $"{name}: no hint in {error}");
    }

    public static TheoryData<string, SubgraphSource[], string[]> OneRunCases() => new()
    {
        // "a" does not parse, "b" has an unknown type (first rule phase), "c" a key on a field it lacks (last phase).
        {
            "each subgraph's errors, whichever phase finds them",
            [Fed2("a", "type Query { a: }"), Fed2("b", "type Query { b: Missing }"), Fed2("c", "type Query { c: T } type T @key(fields: \"nope\") { id: ID }")],
            ["a INVALID_GRAPHQL", "b INVALID_GRAPHQL", "c KEY_INVALID_FIELDS"]
        },
        // "a" does not parse; "b" and "c" read cleanly and are merged all the same, where they disagree on T.x's type.
        {
            "a read error and the merge conflict between the others",
            [Fed2("a", "type Query { a: }"), Fed2("b", "type Query { b: T } type T { x: Int @shareable }"), Fed2("c", "type Query { c: T } type T { x: String @shareable }")],
            ["a INVALID_GRAPHQL", "b FIELD_TYPE_MISMATCH"]
        },
        // "a" fails a rule, so it stays out of the merge, where it would clash with "b" and "c" on T.x's type.
        {
            "a subgraph the rules reject is left out of the merge",
            [
                Fed2("a", "type Query { a: T } type T @key(fields: \"nope\") { id: ID x: Int @shareable }"),
                Fed2("b", "type Query { b: T } type T { id: ID x: String @shareable }"),
                Fed2("c", "type Query { c: T } type T { id: ID x: String @shareable }"),
            ],
            ["a KEY_INVALID_FIELDS"]
        },
    };

    [Theory]
    [MemberData(nameof(OneRunCases))]
    public void One_run_reports_every_subgraphs_errors_and_the_merge_conflicts_between_the_clean_ones(string name, SubgraphSource[] subgraphs, string[] expected)
    {
        var result = SupergraphComposer.Compose(subgraphs);

        Assert.True(result.SupergraphSdl is null, name);
        Assert.Equal(expected, result.Errors.Select(e => $"{e.Subgraph} {e.Code}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_subgraph_with_an_early_error_is_not_checked_by_the_rules_that_rely_on_its_types()
    {
        // The unknown type would make the key rule's message about T meaningless: only the first error is reported.
        var result = SupergraphComposer.Compose([Fed2("a", "type Query { a: T } type T @key(fields: \"nope\") { id: Missing }")]);

        Assert.Equal(["a INVALID_GRAPHQL"], result.Errors.Select(e => $"{e.Subgraph} {e.Code}"));
    }
}
