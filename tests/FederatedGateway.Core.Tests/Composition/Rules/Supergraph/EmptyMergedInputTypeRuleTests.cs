using FederatedGateway.Core.Composition.Rules.Supergraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Supergraph;

/// <summary><see cref="EmptyMergedInputTypeRule"/>: An input type keeps a field common to all its subgraphs.</summary>
public sealed class EmptyMergedInputTypeRuleTests
{
    [Fact]
    public void Reports_input_types_without_a_common_field() =>
        Reports(EmptyMergedInputTypeRule.Code, "None of the fields of input object type \"F\" are consistently defined in all the subgraphs defining that type.", Fed2("a", "type Query { a(f: F): Int } input F { x: Int }"), Fed2("b", "type Query { b(f: F): Int } input F { y: Int }"));

    [Fact]
    public void Accepts_input_types_with_a_common_field() =>
        Composes(Fed2("a", "type Query { a(f: F): Int } input F { x: Int z: Int }"), Fed2("b", "type Query { b(f: F): Int } input F { y: Int z: Int }"));
}
