using FederatedGateway.Core.SchemaChanges.Model;

namespace FederatedGateway.Core.SchemaChanges.Rules;

/// <summary>
/// Directive definitions: removing one, one of its locations or its repeatability breaks documents that use it
/// there; adding them is safe, and so is an optional argument (a directive's absent argument changes nothing that was sent).
/// </summary>
internal sealed class DirectiveRule
{
    private static readonly InputValueRule Arguments = new(InputValueKinds.DirectiveArguments, optionalAdditionIsSafe: true);

    public void Compare(ChangeList changes, SdlSchema before, SdlSchema after)
    {
        foreach (var (name, old) in before.Directives.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var coordinate = "@" + name;
            if (!after.Directives.TryGetValue(name, out var current))
            {
                changes.Add(SchemaChangeKind.DirectiveRemoved, ChangeCriticality.Breaking, coordinate, $"{coordinate} was removed.");
                continue;
            }

            changes.Description(DescriptionKinds.Directive, coordinate, old.Description, current.Description);
            foreach (var location in old.Locations.Where(l => !current.Locations.Contains(l)).Order(StringComparer.Ordinal))
            {
                changes.Add(SchemaChangeKind.DirectiveLocationRemoved, ChangeCriticality.Breaking, coordinate, $"{coordinate} can no longer be used on {location}.");
            }

            foreach (var location in current.Locations.Where(l => !old.Locations.Contains(l)).Order(StringComparer.Ordinal))
            {
                changes.Add(SchemaChangeKind.DirectiveLocationAdded, ChangeCriticality.Safe, coordinate, $"{coordinate} can now be used on {location}.");
            }

            if (old.Repeatable != current.Repeatable)
            {
                changes.Add(
                    current.Repeatable ? SchemaChangeKind.DirectiveRepeatableAdded : SchemaChangeKind.DirectiveRepeatableRemoved,
                    current.Repeatable ? ChangeCriticality.Safe : ChangeCriticality.Breaking,
                    coordinate,
                    current.Repeatable ? $"{coordinate} became repeatable." : $"{coordinate} is no longer repeatable.");
            }

            Arguments.Compare(changes, name, old.Arguments, current.Arguments);
        }

        foreach (var name in after.Directives.Keys.Where(name => !before.Directives.ContainsKey(name)).Order(StringComparer.Ordinal))
        {
            changes.Add(SchemaChangeKind.DirectiveAdded, ChangeCriticality.Safe, "@" + name, $"@{name} was added.");
        }
    }
}
