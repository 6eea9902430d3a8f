using FederatedGateway.Core.Composition;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Subgraph;

/// <summary><see cref="FederatedGateway.Core.Composition.Rules.Subgraph.ListSizeRule"/>: @listSize describes a list with valid slicing arguments and sized fields.</summary>
public sealed class ListSizeRuleTests
{
    [Fact]
    public void Reports_list_size_on_a_non_list_field() =>
        Reports(ErrorCodes.ListSizeAppliedToNonList, "\"Query.a\" is not a list.", Fed29("a", "type Query { a: Int @listSize(assumedSize: 2) }", "\"@listSize\""));

    [Fact]
    public void Reports_a_negative_assumed_size() =>
        Reports(ErrorCodes.ListSizeInvalidAssumedSize, "Assumed size of \"Query.a\" cannot be negative.", Fed29("a", "type Query { a: [Int] @listSize(assumedSize: -1) }", "\"@listSize\""));

    [Fact]
    public void Reports_a_slicing_argument_that_is_not_an_int() =>
        Reports(ErrorCodes.ListSizeInvalidSlicingArgument, "Slicing argument \"Query.a(first:)\" must be Int or Int!.", Fed29("a", "type Query { a(first: String): [Int] @listSize(slicingArguments: [\"first\"]) }", "\"@listSize\""));

    [Fact]
    public void Reports_sized_fields_that_are_missing_or_not_lists() =>
        Reports(ErrorCodes.ListSizeInvalidSizedField, "Sized field \"missing\" is not a field on type \"C\".",
            Fed29("a", "type Query { a: C @listSize(sizedFields: [\"items\", \"missing\"]) } type C { items: [Int] }", "\"@listSize\""));

    [Fact]
    public void Reports_a_sized_field_that_is_not_a_list() =>
        Reports(ErrorCodes.ListSizeAppliedToNonList, "Sized field \"C.total\" is not a list.", Fed29("a", "type Query { a: C @listSize(sizedFields: [\"total\"]) } type C { total: Int }", "\"@listSize\""));

    [Fact]
    public void Accepts_slicing_arguments_and_sized_fields() =>
        Composes(Fed29("a", "type Query { a(first: Int!): C @listSize(slicingArguments: [\"first\"], sizedFields: [\"items\"]) b(n: Int): [Int] @listSize(slicingArguments: [\"n\"]) } type C { items: [Int] }", "\"@listSize\""));
}
