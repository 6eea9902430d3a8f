namespace FederatedGateway.Core.SchemaChanges.Rules;

/// <summary>Where the rules put the changes they find.</summary>
internal sealed class ChangeList
{
    public List<SchemaChange> Changes { get; } = [];

    public void Add(SchemaChangeKind kind, ChangeCriticality criticality, string coordinate, string message) =>
        Changes.Add(new SchemaChange(kind, criticality, coordinate, message));

    /// <summary>A description appeared, went or changed: always safe.</summary>
    public void Description(DescriptionKinds kinds, string coordinate, string? before, string? after)
    {
        if (before == after)
        {
            return;
        }

        if (before is null)
        {
            Add(kinds.Added, ChangeCriticality.Safe, coordinate, $"{coordinate} got a description.");
        }
        else if (after is null)
        {
            Add(kinds.Removed, ChangeCriticality.Safe, coordinate, $"The description of {coordinate} was removed.");
        }
        else
        {
            Add(kinds.Changed, ChangeCriticality.Safe, coordinate, $"The description of {coordinate} changed.");
        }
    }

    /// <summary><c>@deprecated</c> (its reason, or null when not deprecated) was added, removed or reworded: always safe.</summary>
    public void Deprecation(DeprecationKinds kinds, string coordinate, string? before, string? after)
    {
        if (before is null && after is not null)
        {
            Add(kinds.Added, ChangeCriticality.Safe, coordinate, $"{coordinate} was deprecated: {after}");
        }
        else if (before is not null && after is null)
        {
            Add(kinds.Removed, ChangeCriticality.Safe, coordinate, $"{coordinate} is no longer deprecated.");
        }
        else if (before != after)
        {
            Add(kinds.ReasonChanged, ChangeCriticality.Safe, coordinate, $"The deprecation reason of {coordinate} changed.");
        }
    }
}
