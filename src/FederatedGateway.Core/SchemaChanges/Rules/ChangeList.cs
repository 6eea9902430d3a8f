namespace FederatedGateway.Core.SchemaChanges.Rules;

/// <summary>Where the rules put the changes they find.</summary>
internal sealed class ChangeList
{
    public List<SchemaChange> Changes { get; } = [];

    public void Add(SchemaChangeKind kind, ChangeCriticality criticality, string coordinate, string message) =>
        Changes.Add(new SchemaChange(kind, criticality, coordinate, message));

    /// <summary>A description changed, appeared or went: always safe.</summary>
    public void Description(SchemaChangeKind kind, string coordinate, string? before, string? after)
    {
        if (before != after)
        {
            Add(kind, ChangeCriticality.Safe, coordinate, $"The description of {coordinate} changed.");
        }
    }
}
