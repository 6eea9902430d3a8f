using System.Runtime.CompilerServices;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// Whether an operation nests selection sets deeper than a limit, fragment spreads followed (<c>{ a { b } }</c> is
/// 2 deep). Each fragment's own depth is measured once and remembered, so the walk is linear in the document even
/// when fragments are spread many times; a fragment that (invalidly) spreads itself counts as flat, the cycle is
/// the validator's to report. The walk stops as soon as the limit is passed.
/// </summary>
internal sealed class OperationDepthMeasurer
{
    private const int Exceeded = int.MaxValue;
    private const int InProgress = -1;
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments;
    private readonly Dictionary<GraphQLFragmentDefinition, int> _fragmentDepths = new();
    private readonly CancellationToken _cancellationToken;

    private OperationDepthMeasurer(Dictionary<string, GraphQLFragmentDefinition> fragments, CancellationToken cancellationToken)
    {
        _fragments = fragments;
        _cancellationToken = cancellationToken;
    }

    /// <summary>True when <paramref name="operation"/> is deeper than <paramref name="maxDepth"/>.</summary>
    public static bool Exceeds(GraphQLOperationDefinition operation, Dictionary<string, GraphQLFragmentDefinition> fragments, int maxDepth, CancellationToken cancellationToken) =>
        new OperationDepthMeasurer(fragments, cancellationToken).Depth(operation.SelectionSet, maxDepth) == Exceeded;

    /// <summary>The depth of <paramref name="selectionSet"/>, or <see cref="Exceeded"/> when it is over <paramref name="budget"/>.</summary>
    private int Depth(GraphQLSelectionSet selectionSet, int budget)
    {
        if (budget <= 0)
        {
            return Exceeded;
        }

        // Inline fragments and spreads nest without adding depth; a long chain of them must not overflow the stack.
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return Exceeded;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        var depth = 1;
        foreach (var selection in selectionSet.Selections)
        {
            var inner = selection switch
            {
                GraphQLField { SelectionSet: { } fieldSet } => Depth(fieldSet, budget - 1) is var d && d != Exceeded ? d + 1 : Exceeded,
                GraphQLInlineFragment inline => Depth(inline.SelectionSet, budget),
                GraphQLFragmentSpread spread => FragmentDepth(spread, budget),
                _ => 1,
            };
            if (inner == Exceeded)
            {
                return Exceeded;
            }

            depth = Math.Max(depth, inner);
        }

        return depth;
    }

    private int FragmentDepth(GraphQLFragmentSpread spread, int budget)
    {
        if (!_fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment))
        {
            return 1;
        }

        if (!_fragmentDepths.TryGetValue(fragment, out var depth))
        {
            _fragmentDepths[fragment] = InProgress;
            depth = Depth(fragment.SelectionSet, budget);
            if (depth == Exceeded)
            {
                return Exceeded;
            }

            _fragmentDepths[fragment] = depth;
        }

        if (depth == InProgress)
        {
            return 1;
        }

        return depth > budget ? Exceeded : depth;
    }
}
