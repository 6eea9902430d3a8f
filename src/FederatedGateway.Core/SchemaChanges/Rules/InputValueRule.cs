using FederatedGateway.Core.SchemaChanges.Model;

namespace FederatedGateway.Core.SchemaChanges.Rules;

/// <summary>
/// Arguments of fields and directives, and fields of input objects: all are values clients send, so one rule with
/// the kinds of each place. Adding a required one breaks every existing caller; adding an optional one is
/// dangerous (an operation that omits it may now behave differently), as is a changed default; a type change is safe
/// only when it accepts everything it accepted before.
/// </summary>
internal sealed class InputValueRule(InputValueKinds kinds, bool optionalAdditionIsSafe = false)
{
    public void Compare(ChangeList changes, string owner, IReadOnlyDictionary<string, SdlInputValue> before, IReadOnlyDictionary<string, SdlInputValue> after)
    {
        foreach (var (name, old) in before)
        {
            var coordinate = kinds.Coordinate(owner, name);
            if (!after.TryGetValue(name, out var current))
            {
                changes.Add(kinds.Removed, ChangeCriticality.Breaking, coordinate, $"{coordinate} was removed.");
                continue;
            }

            if (old.Type != current.Type)
            {
                var safe = SdlTypeRef.SafeForInput(old.Type, current.Type);
                changes.Add(kinds.TypeChanged, safe ? ChangeCriticality.Safe : ChangeCriticality.Breaking, coordinate,
                    $"{coordinate} changed type from {old.Type} to {current.Type}{(safe ? " (accepts everything it accepted)" : "")}.");
            }

            if (old.DefaultValue != current.DefaultValue)
            {
                changes.Add(kinds.DefaultChanged, ChangeCriticality.Dangerous, coordinate,
                    $"The default of {coordinate} changed from {old.DefaultValue ?? "none"} to {current.DefaultValue ?? "none"}.");
            }

            changes.Description(kinds.Description, coordinate, old.Description, current.Description);
            changes.Deprecation(kinds.Deprecation, coordinate, old.Deprecation, current.Deprecation);
        }

        foreach (var (name, current) in after)
        {
            if (before.ContainsKey(name))
            {
                continue;
            }

            var coordinate = kinds.Coordinate(owner, name);
            var criticality = current.IsRequired ? ChangeCriticality.Breaking : optionalAdditionIsSafe ? ChangeCriticality.Safe : ChangeCriticality.Dangerous;
            changes.Add(kinds.Added, criticality, coordinate,
                current.IsRequired ? $"Required {coordinate} ({current.Type}, no default) was added: existing callers do not give it." : $"Optional {coordinate} was added.");
        }
    }
}

/// <summary>The change kinds and coordinate form of one place input values live.</summary>
internal sealed record InputValueKinds(
    SchemaChangeKind Added,
    SchemaChangeKind Removed,
    SchemaChangeKind TypeChanged,
    SchemaChangeKind DefaultChanged,
    DescriptionKinds Description,
    DeprecationKinds Deprecation,
    Func<string, string, string> Coordinate)
{
    public static readonly InputValueKinds FieldArguments = new(
        SchemaChangeKind.FieldArgumentAdded, SchemaChangeKind.FieldArgumentRemoved, SchemaChangeKind.FieldArgumentTypeChanged,
        SchemaChangeKind.FieldArgumentDefaultChanged, DescriptionKinds.FieldArgument, DeprecationKinds.FieldArgument,
        (field, argument) => $"{field}({argument}:)");

    public static readonly InputValueKinds InputFields = new(
        SchemaChangeKind.InputFieldAdded, SchemaChangeKind.InputFieldRemoved, SchemaChangeKind.InputFieldTypeChanged,
        SchemaChangeKind.InputFieldDefaultChanged, DescriptionKinds.InputField, DeprecationKinds.InputField,
        (type, field) => $"{type}.{field}");

    public static readonly InputValueKinds DirectiveArguments = new(
        SchemaChangeKind.DirectiveArgumentAdded, SchemaChangeKind.DirectiveArgumentRemoved, SchemaChangeKind.DirectiveArgumentTypeChanged,
        SchemaChangeKind.DirectiveArgumentDefaultChanged, DescriptionKinds.DirectiveArgument, DeprecationKinds.DirectiveArgument,
        (directive, argument) => $"@{directive}({argument}:)");
}
