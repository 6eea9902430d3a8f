using FederatedGateway.Core.SchemaChanges.Model;

namespace FederatedGateway.Core.SchemaChanges.Rules;

/// <summary>Named types: added (safe), removed or of another kind (breaking), description; then the rule of the type's kind.</summary>
internal sealed class TypeRule
{
    private readonly FieldRule _fields = new();
    private readonly EnumValueRule _enumValues = new();
    private readonly MemberRule _members = new();
    private readonly InputObjectRule _inputObjects = new();

    public void Compare(ChangeList changes, SdlSchema before, SdlSchema after)
    {
        foreach (var (name, old) in before.Types.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (!after.Types.TryGetValue(name, out var current))
            {
                changes.Add(SchemaChangeKind.TypeRemoved, ChangeCriticality.Breaking, name, $"The {old.Kind} {name} was removed.");
                continue;
            }

            if (old.Kind != current.Kind)
            {
                changes.Add(SchemaChangeKind.TypeKindChanged, ChangeCriticality.Breaking, name, $"{name} changed from {old.Kind} to {current.Kind}.");
                continue;
            }

            changes.Description(DescriptionKinds.Type, name, old.Description, current.Description);
            _fields.Compare(changes, old, current);
            _enumValues.Compare(changes, old, current);
            _members.Compare(changes, old, current);
            _inputObjects.Compare(changes, old, current);
            if (old.SpecifiedBy != current.SpecifiedBy)
            {
                changes.Add(SchemaChangeKind.ScalarSpecifiedByChanged, ChangeCriticality.Dangerous, name,
                    $"The format of {name} (@specifiedBy) changed from {old.SpecifiedBy ?? "none"} to {current.SpecifiedBy ?? "none"}.");
            }
        }

        foreach (var (name, current) in after.Types.Where(t => !before.Types.ContainsKey(t.Key)).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            changes.Add(SchemaChangeKind.TypeAdded, ChangeCriticality.Safe, name, $"The {current.Kind} {name} was added.");
        }
    }
}
