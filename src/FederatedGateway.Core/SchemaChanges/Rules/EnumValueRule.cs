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

            changes.Description(DescriptionKinds.EnumValue, coordinate, old.Description, current.Description);
            changes.Deprecation(DeprecationKinds.EnumValue, coordinate, old.Deprecation, current.Deprecation);
        }

        foreach (var name in after.EnumValues.Keys.Where(name => !before.EnumValues.ContainsKey(name)))
        {
            changes.Add(SchemaChangeKind.EnumValueAdded, ChangeCriticality.Dangerous, $"{after.Name}.{name}",
                $"{after.Name}.{name} was added: clients that switch over {after.Name} may not handle it.");
        }
    }
}
