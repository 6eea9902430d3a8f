namespace FederatedGateway.Core.SchemaChanges;

/// <summary>
/// One difference between two versions of a schema: its kind, what it can do to clients, the schema coordinate it
/// is at (<c>Type</c>, <c>Type.field</c>, <c>Type.field(argument:)</c>, <c>Enum.VALUE</c>, <c>@directive</c>,
/// <c>@directive(argument:)</c>) and a sentence for people.
/// </summary>
public sealed record SchemaChange(SchemaChangeKind Kind, ChangeCriticality Criticality, string Coordinate, string Message)
{
    public override string ToString() => $"{Criticality} {Kind} {Coordinate}: {Message}";
}
