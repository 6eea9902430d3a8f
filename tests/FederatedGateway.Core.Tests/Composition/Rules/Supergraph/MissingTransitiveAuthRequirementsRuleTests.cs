using FederatedGateway.Core.Composition.Rules.Supergraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Supergraph;

/// <summary><see cref="MissingTransitiveAuthRequirementsRule"/>: a field computed by @requires is at least as protected as what it requires.</summary>
public sealed class MissingTransitiveAuthRequirementsRuleTests
{
    private const string Products = "type Query { p: P } type P @key(fields: \"id\") { id: ID! secret: Int @requiresScopes(scopes: [[\"s\"]]) }";

    [Fact]
    public void Reports_a_field_that_requires_data_with_stronger_scopes() =>
        Reports(MissingTransitiveAuthRequirementsRule.Code, "Field \"P.derived\" does not specify necessary @authenticated, @requiresScopes and/or @policy auth requirements to access the transitive field \"P.secret\" data from @requires selection set.",
            Fed29("a", Products, "\"@requiresScopes\""),
            Fed29("b", "type P @key(fields: \"id\") { id: ID! secret: Int @external derived: Int @requires(fields: \"secret\") @requiresScopes(scopes: [[\"t\"]]) }", "\"@external\", \"@requires\", \"@requiresScopes\""));

    [Fact]
    public void Reports_a_fragment_on_a_protected_union_member() =>
        Reports(MissingTransitiveAuthRequirementsRule.Code, "Field \"P.derived\" does not specify necessary @authenticated, @requiresScopes and/or @policy auth requirements to access the transitive data in inline fragment type condition \"Circle\" from @requires selection set.",
            Fed29("a", "type Query { p: P } type P @key(fields: \"id\") { id: ID! shape: Shape } union Shape = Circle | Square type Circle @policy(policies: [[\"geo\"]]) { r: Int @shareable } type Square { s: Int }", "\"@policy\", \"@shareable\""),
            Fed29("b", "type P @key(fields: \"id\") { id: ID! shape: Shape @external derived: Int @requires(fields: \"shape { ... on Circle { r } }\") } union Shape = Circle type Circle { r: Int @shareable }", "\"@external\", \"@requires\", \"@shareable\""));

    [Fact]
    public void Accepts_a_field_whose_scopes_imply_the_required_ones() =>
        Composes(
            Fed29("a", Products, "\"@requiresScopes\""),
            Fed29("b", "type P @key(fields: \"id\") { id: ID! secret: Int @external derived: Int @requires(fields: \"secret\") @requiresScopes(scopes: [[\"s\", \"t\"]]) }", "\"@external\", \"@requires\", \"@requiresScopes\""));
}
