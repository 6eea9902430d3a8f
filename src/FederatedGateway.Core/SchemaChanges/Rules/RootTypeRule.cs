using FederatedGateway.Core.SchemaChanges.Model;

namespace FederatedGateway.Core.SchemaChanges.Rules;

/// <summary>The root operation types: another type (or none) for an operation kind breaks every operation of that kind.</summary>
internal sealed class RootTypeRule
{
    public void Compare(ChangeList changes, SdlSchema before, SdlSchema after)
    {
        foreach (var operation in new[] { "query", "mutation", "subscription" })
        {
            before.RootTypes.TryGetValue(operation, out var old);
            after.RootTypes.TryGetValue(operation, out var current);
            var coordinate = "schema." + operation;
            if (old is not null && current is null)
            {
                changes.Add(SchemaChangeKind.RootTypeRemoved, ChangeCriticality.Breaking, coordinate, $"The schema no longer has a {operation} type (was {old}).");
            }
            else if (old is null && current is not null)
            {
                changes.Add(SchemaChangeKind.RootTypeAdded, ChangeCriticality.Safe, coordinate, $"The schema's {operation} type is now {current}.");
            }
            else if (old != current)
            {
                changes.Add(SchemaChangeKind.RootTypeChanged, ChangeCriticality.Breaking, coordinate, $"The schema's {operation} type changed from {old} to {current}.");
            }
        }
    }
}
