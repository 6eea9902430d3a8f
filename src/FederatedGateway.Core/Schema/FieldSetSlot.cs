using FederatedGateway.Core.Operations;

namespace FederatedGateway.Core.Schema;

/// <summary>
/// Field sets (keys, requires, provides) point at the schema's own fields, so they are bound after every type exists.
/// Each is written exactly once, by the supergraph reader, before the schema is published.
/// </summary>
internal static class FieldSetSlot
{
    public static void SetOnce(ref SelectionSet? slot, SelectionSet selection, string fieldSet)
    {
        if (slot is not null)
        {
            throw new InvalidOperationException($"The field set \"{fieldSet}\" is already resolved; a schema does not change once read.");
        }

        slot = selection;
    }
}
