using FederatedGateway.Core.Composition.Rules.Subgraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Subgraph;

/// <summary><see cref="InvalidShareableUsageRule"/>: @shareable is only for object type fields.</summary>
public sealed class InvalidShareableUsageRuleTests
{
    [Fact]
    public void Reports_shareable_on_an_interface_field() =>
        Reports(InvalidShareableUsageRule.Code, "Invalid use of @shareable on field \"I.x\": only object type fields can be marked with @shareable.", Fed2("a", "type Query { a: I } interface I { x: Int @shareable } type T implements I { x: Int }"));

    [Fact]
    public void Accepts_shareable_on_object_fields() =>
        Composes(Fed2("a", "type Query { a: T @shareable } type T { x: Int @shareable }"), Fed2("b", "type Query { a: T @shareable } type T { x: Int @shareable }"));
}
