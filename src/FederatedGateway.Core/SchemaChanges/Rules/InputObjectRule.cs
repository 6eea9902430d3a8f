using FederatedGateway.Core.SchemaChanges.Model;

namespace FederatedGateway.Core.SchemaChanges.Rules;

/// <summary>Input objects: their fields (as input values), and <c>@oneOf</c>, which rejects inputs that set several fields when added.</summary>
internal sealed class InputObjectRule
{
    private static readonly InputValueRule Fields = new(InputValueKinds.InputFields);

    public void Compare(ChangeList changes, SdlType before, SdlType after)
    {
        Fields.Compare(changes, before.Name, before.InputFields, after.InputFields);
        if (!before.IsOneOf && after.IsOneOf)
        {
            changes.Add(SchemaChangeKind.InputObjectOneOfAdded, ChangeCriticality.Breaking, after.Name, $"{after.Name} became @oneOf: inputs setting more or fewer than one field are refused.");
        }
        else if (before.IsOneOf && !after.IsOneOf)
        {
            changes.Add(SchemaChangeKind.InputObjectOneOfRemoved, ChangeCriticality.Dangerous, after.Name, $"{after.Name} is no longer @oneOf.");
        }
    }
}
