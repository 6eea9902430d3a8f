using FederatedGateway.Core.Operations;

namespace FederatedGateway.Execution.Compilation;

/// <summary>
/// The variables an operation's <c>@skip</c>/<c>@include</c> conditions read, in a fixed order, so a request's values
/// for them fit in one number: bit <c>i</c> is set when variable <c>i</c> is <c>true</c> (missing counts as false, as
/// in <see cref="InclusionCondition.IsIncluded"/>). Requests with the same number include the same selections.
/// </summary>
internal sealed class ConditionMask
{
    /// <summary>Operations with more condition variables than fit in a mask get no shared shapes.</summary>
    public const int MaxVariables = 64;

    private readonly string[] _variables;

    private ConditionMask(string[] variables) => _variables = variables;

    /// <summary>The condition variables of <paramref name="root"/> at any depth; null when there are more than <see cref="MaxVariables"/>.</summary>
    public static ConditionMask? For(SelectionSet root)
    {
        var variables = new List<string>();
        Collect(root, variables);
        return variables.Count > MaxVariables ? null : new ConditionMask([.. variables]);
    }

    public bool IsEmpty => _variables.Length == 0;

    public ulong Of(IReadOnlyDictionary<string, bool> booleans)
    {
        var mask = 0UL;
        for (var i = 0; i < _variables.Length; i++)
        {
            if (booleans.TryGetValue(_variables[i], out var value) && value)
            {
                mask |= 1UL << i;
            }
        }

        return mask;
    }

    private static void Collect(SelectionSet set, List<string> variables)
    {
        foreach (var selection in set.Selections)
        {
            foreach (var condition in selection.Conditions)
            {
                if (!variables.Contains(condition.Variable))
                {
                    variables.Add(condition.Variable);
                }
            }

            var inner = selection switch
            {
                FieldSelection field => field.SelectionSet,
                InlineFragmentSelection fragment => fragment.SelectionSet,
                _ => null,
            };
            if (inner is not null)
            {
                Collect(inner, variables);
            }
        }
    }
}
