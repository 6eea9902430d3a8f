using FederatedGateway.Core.Operations;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>The <c>@skip</c>/<c>@include</c> condition every top-level field of an entity fetch carries, if there is one.</summary>
internal static class SharedCondition
{
    /// <returns>The condition under which the whole fetch is needed; null when some field is needed without it.</returns>
    public static InclusionCondition? Of(FetchSelectionSet entities)
    {
        InclusionCondition? shared = null;
        foreach (var item in entities.Items)
        {
            if (item is not FetchFragment fragment || fragment.Conditions.Count > 0)
            {
                return null;
            }

            foreach (var inner in fragment.SelectionSet.Items)
            {
                var conditions = inner switch
                {
                    FetchField f => f.Conditions,
                    FetchFragment f => f.Conditions,
                    _ => Array.Empty<InclusionCondition>(),
                };
                if (conditions.Count == 0)
                {
                    return null;
                }

                if (shared is null)
                {
                    shared = conditions[0];
                }

                var found = false;
                foreach (var c in conditions)
                {
                    found |= c == shared;
                }

                if (!found)
                {
                    return null;
                }
            }
        }

        return shared;
    }
}
