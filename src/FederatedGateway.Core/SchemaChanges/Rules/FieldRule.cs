using FederatedGateway.Core.SchemaChanges.Model;

namespace FederatedGateway.Core.SchemaChanges.Rules;

/// <summary>
/// Fields of object and interface types: removing one breaks the operations that select it (deprecated or not);
/// adding one is safe; a type change is safe only when every value it can now return is one clients could already
/// read (the same type, made non-null).
/// </summary>
internal sealed class FieldRule
{
    private static readonly InputValueRule Arguments = new(InputValueKinds.FieldArguments);

    public void Compare(ChangeList changes, SdlType before, SdlType after)
    {
        foreach (var (name, old) in before.Fields)
        {
            var coordinate = $"{before.Name}.{name}";
            if (!after.Fields.TryGetValue(name, out var current))
            {
                changes.Add(SchemaChangeKind.FieldRemoved, ChangeCriticality.Breaking, coordinate,
                    old.Deprecation is null ? $"{coordinate} was removed." : $"{coordinate} was removed (it was deprecated: {old.Deprecation}).");
                continue;
            }

            if (old.Type != current.Type)
            {
                var safe = SdlTypeRef.SafeForOutput(old.Type, current.Type);
                changes.Add(SchemaChangeKind.FieldTypeChanged, safe ? ChangeCriticality.Safe : ChangeCriticality.Breaking, coordinate,
                    $"{coordinate} changed type from {old.Type} to {current.Type}.");
            }

            changes.Description(DescriptionKinds.Field, coordinate, old.Description, current.Description);
            changes.Deprecation(DeprecationKinds.Field, coordinate, old.Deprecation, current.Deprecation);
            Arguments.Compare(changes, coordinate, old.Arguments, current.Arguments);
        }

        foreach (var name in after.Fields.Keys.Where(name => !before.Fields.ContainsKey(name)))
        {
            changes.Add(SchemaChangeKind.FieldAdded, ChangeCriticality.Safe, $"{after.Name}.{name}", $"{after.Name}.{name} was added.");
        }
    }
}
