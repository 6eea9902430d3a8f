using FederatedGateway.Core.Composition.Rules.Supergraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Supergraph;

/// <summary><see cref="EmptyMergedEnumTypeRule"/>: An input enum keeps a value common to all its subgraphs.</summary>
public sealed class EmptyMergedEnumTypeRuleTests
{
    [Fact]
    public void Reports_input_enums_without_a_common_value() =>
        Reports(EmptyMergedEnumTypeRule.Code, "None of the values of enum type \"E\" are defined consistently in all the subgraphs defining that type.", Fed2("a", "type Query { a(e: E): Int } enum E { X }"), Fed2("b", "type Query { b(e: E): Int } enum E { Y }"));

    [Fact]
    public void Accepts_input_enums_with_a_common_value() =>
        Composes(Fed2("a", "type Query { a(e: E): Int } enum E { X Z }"), Fed2("b", "type Query { b(e: E): Int } enum E { Y Z }"));
}
