using FederatedGateway.Core.Composition.Rules.Supergraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Supergraph;

/// <summary><see cref="EnumValueMismatchRule"/>: An enum used as input and output has the same values everywhere.</summary>
public sealed class EnumValueMismatchRuleTests
{
    [Fact]
    public void Reports_an_input_and_output_enum_with_a_value_missing() =>
        Reports(EnumValueMismatchRule.Code, "but value \"Y\" is not defined in all the subgraphs defining \"E\": \"Y\" is defined in subgraph \"a\" but not in subgraph \"b\".", Fed2("a", "type Query { a(e: E): E } enum E { X Y }"), Fed2("b", "type Query { b: E } enum E { X }"));

    [Fact]
    public void Accepts_an_input_and_output_enum_with_an_inaccessible_extra_value() =>
        Composes(Fed2("a", "type Query { a(e: E): E } enum E { X Y @inaccessible }"), Fed2("b", "type Query { b: E } enum E { X }"));

    [Fact]
    public void Accepts_an_output_only_enum_with_different_values() =>
        Composes(Fed2("a", "type Query { a: E } enum E { X Y }"), Fed2("b", "type Query { b: E } enum E { X }"));
}
