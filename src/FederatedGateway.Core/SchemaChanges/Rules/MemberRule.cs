using FederatedGateway.Core.SchemaChanges.Model;

namespace FederatedGateway.Core.SchemaChanges.Rules;

/// <summary>
/// Union members and implemented interfaces: removing one breaks fragments on it; adding one is dangerous (answers
/// may hold objects of a type the client's fragments do not cover).
/// </summary>
internal sealed class MemberRule
{
    public void Compare(ChangeList changes, SdlType before, SdlType after)
    {
        Members(changes, before.Name, before.UnionMembers, after.UnionMembers, SchemaChangeKind.UnionMemberAdded, SchemaChangeKind.UnionMemberRemoved, "member");
        Members(changes, before.Name, before.Interfaces, after.Interfaces, SchemaChangeKind.InterfaceAdded, SchemaChangeKind.InterfaceRemoved, "interface");
    }

    private static void Members(ChangeList changes, string type, HashSet<string> before, HashSet<string> after, SchemaChangeKind added, SchemaChangeKind removed, string what)
    {
        foreach (var name in before.Where(name => !after.Contains(name)).Order(StringComparer.Ordinal))
        {
            changes.Add(removed, ChangeCriticality.Breaking, type, $"{type} no longer has the {what} {name}.");
        }

        foreach (var name in after.Where(name => !before.Contains(name)).Order(StringComparer.Ordinal))
        {
            changes.Add(added, ChangeCriticality.Dangerous, type, $"{type} has the new {what} {name}.");
        }
    }
}
