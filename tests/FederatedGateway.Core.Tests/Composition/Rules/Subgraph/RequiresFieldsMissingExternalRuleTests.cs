using FederatedGateway.Core.Composition.Rules.Subgraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Subgraph;

/// <summary><see cref="RequiresFieldsMissingExternalRule"/>: Federation 2: a @requires selects @external fields.</summary>
public sealed class RequiresFieldsMissingExternalRuleTests
{
    [Fact]
    public void Reports_requires_naming_a_resolved_field() =>
        Reports(RequiresFieldsMissingExternalRule.Code, "On field \"T.x\", for @requires(fields: \"y\"): field \"T.y\" should not be part of a @requires since it is already provided by this subgraph (it is not marked @external).", Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID y: Int x: Int @requires(fields: \"y\") }"));

    [Fact]
    public void Accepts_requires_naming_an_external_field() =>
        Composes(Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID y: Int @external x: Int @requires(fields: \"y\") }"), Fed2("b", "type T @key(fields: \"id\") { id: ID y: Int }"));

    [Fact]
    public void Accepts_federation_1_is_not_checked() =>
        DoesNotReport(RequiresFieldsMissingExternalRule.Code, Fed1("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID y: Int x: Int @requires(fields: \"y\") }"));
}
