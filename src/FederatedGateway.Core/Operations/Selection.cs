namespace FederatedGateway.Core.Operations;

/// <summary>A field or an inline fragment of a normalized selection set (named fragments are inlined).</summary>
public abstract class Selection
{
    protected Selection(IReadOnlyList<InclusionCondition> conditions)
    {
        Conditions = conditions;
    }

    /// <summary><c>@skip</c>/<c>@include</c> with variables; all must pass.</summary>
    public IReadOnlyList<InclusionCondition> Conditions { get; }

    public bool IsIncluded(IReadOnlyDictionary<string, bool> booleans)
    {
        foreach (var condition in Conditions)
        {
            if (!condition.IsIncluded(booleans))
            {
                return false;
            }
        }

        return true;
    }
}
