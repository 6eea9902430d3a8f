using System.Collections.Immutable;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Selections;
using FederatedGateway.Core.Schema;
using GraphQLParser.AST;

namespace FederatedGateway.Execution.Tests;

/// <summary>Reads a selection written as GraphQL (<c>{dog{name}}</c>) into a plan's selection tree, for hand-built plans.</summary>
internal static class PlanSelectionReader
{
    public static PlanSelectionSet Read(FederatedSchema schema, string parentType, GraphQLSelectionSet set)
    {
        var selections = ImmutableArray.CreateBuilder<PlanSelection>(set.Selections.Count);
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    var name = field.Name.StringValue;
                    var arguments = field.Arguments?.Items.Select(a => new PlanArgument(a.Name.StringValue, a.Value)).ToImmutableArray() ?? default;
                    var childType = schema.FindType(parentType)?.FindField(name)?.Type.NamedType ?? parentType;
                    selections.Add(new PlanField(
                        name,
                        field.Alias?.Name.StringValue,
                        arguments,
                        Conditions(field.Directives),
                        field.SelectionSet is null ? null : Read(schema, childType, field.SelectionSet)));
                    break;
                case GraphQLInlineFragment fragment:
                    var typeCondition = fragment.TypeCondition?.Type.Name.StringValue;
                    selections.Add(new PlanInlineFragment(typeCondition, Conditions(fragment.Directives), Read(schema, typeCondition ?? parentType, fragment.SelectionSet)));
                    break;
                default:
                    throw new ArgumentException("Only fields and inline fragments can be read.", nameof(set));
            }
        }

        return new PlanSelectionSet(parentType, selections.DrainToImmutable());
    }

    private static ImmutableArray<InclusionCondition> Conditions(GraphQLDirectives? directives) =>
        directives?.Items
            .Where(d => d.Name.StringValue is "skip" or "include")
            .Select(d => new InclusionCondition(((GraphQLVariable)d.Arguments!.Items[0].Value).Name.StringValue, d.Name.StringValue == "skip"))
            .ToImmutableArray() ?? default;
}
