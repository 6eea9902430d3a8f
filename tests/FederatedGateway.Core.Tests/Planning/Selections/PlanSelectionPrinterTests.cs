using System.Text;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Selections;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Tests.Planning.Selections;

/// <summary>The printer turns a selection tree into the text sent to subgraphs (compact) and shown in plans (indented).</summary>
public sealed class PlanSelectionPrinterTests
{
    private static readonly PlanSelectionSet Tree = new("Query", [
        new PlanField("product", "p", [new PlanArgument("id", new GraphQLVariable(new GraphQLName("id")))], [], new PlanSelectionSet("Product", [
            // Two @skip and one @include: the first of each stays on the field, the second @skip wraps it.
            new PlanField("name", null, default, [new InclusionCondition("a", true), new InclusionCondition("b", true), new InclusionCondition("c", false)], null),
            new PlanInlineFragment("Book", [new InclusionCondition("d", false)], new PlanSelectionSet("Book", [])),
        ])),
    ]);

    [Fact]
    public void Compact_form_wraps_a_second_condition_of_one_kind_in_an_inline_fragment()
    {
        var sb = new StringBuilder();
        PlanSelectionPrinter.PrintCompact(sb, Tree);

        Assert.Equal("{p: product(id: $id){... @skip(if: $b) { name @skip(if: $a) @include(if: $c)} ... on Book @include(if: $d){__typename}}}", sb.ToString());
    }

    [Fact]
    public void Indented_form_starts_every_further_line_at_the_margin()
    {
        var sb = new StringBuilder();
        PlanSelectionPrinter.PrintIndented(sb, Tree, 4);

        Assert.Equal(
            """
            {
                  p: product(id: $id) {
                    ... @skip(if: $b) { name @skip(if: $a) @include(if: $c) }
                    ... on Book @include(if: $d) {
                      __typename
                    }
                  }
                }
            """,
            sb.ToString());
    }

    [Fact]
    public void Variables_are_collected_from_arguments_and_conditions()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        PlanSelectionVariables.Collect(Tree, names);

        Assert.Equal(["a", "b", "c", "d", "id"], names);
    }

    [Fact]
    public void Default_lists_are_empty()
    {
        var field = new PlanField("x", null, default, default, null);

        Assert.True(field.Arguments.IsEmpty);
        Assert.True(field.Conditions.IsEmpty);
        Assert.True(new PlanSelectionSet("T", default).Selections.IsEmpty);
    }
}
