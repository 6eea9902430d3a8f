using FederatedGateway.Core.SchemaChanges.Model;

namespace FederatedGateway.Core.SchemaChanges.Rules;

/// <summary>Enum values: a removed one breaks the operations that send it and the clients that expect it; an added one is dangerous (clients may not handle it in answers).</summary>
internal sealed class EnumValueRule
{
    public void Compare(ChangeList changes, SdlType before, SdlType after)
    {
        foreach (var (name, old) in before.EnumValues)
        {
            var coordinate = $"{before.Name}.{name}";
            if (!after.EnumValues.TryGetValue(name, out var current))
            {
                changes.Add(SchemaChangeKind.EnumValueRemoved, ChangeCriticality.Breaking, coordinate, $"{coordinate} was removed.");
                continue;
            }

            changes.Description(SchemaChangeKind.EnumValueDescriptionChanged, coordinate, old.Description, current.Description);
            if (old.Deprecation is null && current.Deprecation is not null)
            {
                changes.Add(SchemaChangeKind.EnumValueDeprecationAdded, ChangeCriticality.Safe, coordinate, $"{coordinate} was deprecated: {current.Deprecation}");
            }
            else if (old.Deprecation is not null && current.Deprecation is null)
            {
                changes.Add(SchemaChangeKind.EnumValueDeprecationRemoved, ChangeCriticality.Safe, coordinate, $"{coordinate} is no longer deprecated.");
            }
            else if (old.Deprecation != current.Deprecation)
            {
                changes.Add(SchemaChangeKind.EnumValueDeprecationReasonChanged, ChangeCriticality.Safe, coordinate, $"The deprecation reason of {coordinate} changed.");
            }
        }

        foreach (var name in after.EnumValues.Keys.Where(name => !before.EnumValues.ContainsKey(name)))
        {
            changes.Add(SchemaChangeKind.EnumValueAdded, ChangeCriticality.Dangerous, $"{after.Name}.{name}",
                $"{after.Name}.{name} was added: clients that switch over {after.Name} may not handle it.");
        }
    }
}
