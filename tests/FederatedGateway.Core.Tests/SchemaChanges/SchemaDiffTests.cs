using FederatedGateway.Core.SchemaChanges;

namespace FederatedGateway.Core.Tests.SchemaChanges;

/// <summary>Changes whose setup does not fit one edit of the shared schema, the ordering, and bad input.</summary>
public sealed class SchemaDiffTests
{
    [Fact]
    public void Interfaces_added_to_an_object_are_dangerous_and_oneOf_removed_is_dangerous()
    {
        var changes = SchemaDiff.Compare(
            "type Query { a: A f(i: I): Int } interface N { id: ID } type A { id: ID } input I @oneOf { x: Int y: Int }",
            "type Query { a: A f(i: I): Int } interface N { id: ID } type A implements N { id: ID } input I { x: Int y: Int }");

        Assert.Equal(
            [(SchemaChangeKind.InterfaceAdded, ChangeCriticality.Dangerous, "A"), (SchemaChangeKind.InputObjectOneOfRemoved, ChangeCriticality.Dangerous, "I")],
            changes.Select(c => (c.Kind, c.Criticality, c.Coordinate)));
    }

    [Fact]
    public void Root_types_changed_or_removed_and_repeatable_removed_are_breaking()
    {
        var changes = SchemaDiff.Compare(
            "schema { query: Q mutation: M } type Q { a: Int } type M { b: Int } type Q2 { a: Int } directive @d repeatable on FIELD",
            "schema { query: Q2 } type Q { a: Int } type M { b: Int } type Q2 { a: Int } directive @d on FIELD");

        Assert.Equal(
            [
                (SchemaChangeKind.DirectiveRepeatableRemoved, "@d"),
                (SchemaChangeKind.RootTypeRemoved, "schema.mutation"),
                (SchemaChangeKind.RootTypeChanged, "schema.query"),
            ],
            changes.Select(c => (c.Kind, c.Coordinate)));
        Assert.All(changes, c => Assert.Equal(ChangeCriticality.Breaking, c.Criticality));
    }

    [Fact]
    public void Extensions_merge_into_their_types_and_changes_come_breaking_first()
    {
        var changes = SchemaDiff.Compare(
            "type Query { a: Int } extend type Query { b: Int } enum E { X }",
            "type Query { a: Int c: Int } enum E { X Y } extend enum E { Z }");

        Assert.Equal(
            [
                (ChangeCriticality.Breaking, "Query.b"),
                (ChangeCriticality.Dangerous, "E.Y"),
                (ChangeCriticality.Dangerous, "E.Z"),
                (ChangeCriticality.Safe, "Query.c"),
            ],
            changes.Select(c => (c.Criticality, c.Coordinate)));
    }

    [Fact]
    public void Sdl_that_does_not_parse_is_refused_with_the_parser_s_error()
    {
        Assert.Throws<GraphQLParser.Exceptions.GraphQLSyntaxErrorException>(() => SchemaDiff.Compare("type Query { a: Int }", "type Query { a: }"));
    }
}
