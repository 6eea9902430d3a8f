using FederatedGateway.Core.Composition.Rules.Subgraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Subgraph;

/// <summary><see cref="InvalidDefaultValueRule"/>: Default values fit their types.</summary>
public sealed class InvalidDefaultValueRuleTests
{
    [Fact]
    public void Reports_a_string_default_for_an_int_argument() =>
        Reports(InvalidDefaultValueRule.Code, "Default value of argument \"Query.a(x:)\" is not a valid \"Int\".", Fed2("a", "type Query { a(x: Int = \"wrong\"): Int }"));

    [Fact]
    public void Reports_an_input_object_default_missing_a_required_field() =>
        Reports(InvalidDefaultValueRule.Code, "Default value of argument \"Query.a(f:)\" is not a valid \"F\".", Fed2("a", "type Query { a(f: F = { m: \"y\" }): Int } input F { n: Int! m: String }"));

    [Fact]
    public void Reports_a_string_default_for_an_int_input_field() =>
        Reports(InvalidDefaultValueRule.Code, "Default value of \"F.n\" is not a valid \"Int\".", Fed2("a", "type Query { a(f: F): Int } input F { n: Int = \"x\" }"));

    [Fact]
    public void Accepts_defaults_of_the_right_kinds() =>
        Composes(Fed2("a", "type Query { a(x: Int = 1, c: [Color!] = [RED], f: F = { n: 1 }): Int } enum Color { RED } input F { n: Int! m: String = \"x\" }"));
}
