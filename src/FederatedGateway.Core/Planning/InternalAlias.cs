using System.Globalization;
using System.Text;

namespace FederatedGateway.Core.Planning;

/// <summary>
/// The names the gateway gives fields in subgraph documents and in the merged data when a plain name could mean
/// something else. All start with <see cref="Prefix"/>: no schema field can (names starting with <c>__</c> are
/// reserved for introspection), and a client response name that does is itself escaped into this space
/// (<see cref="DataKey"/>), so a name the gateway makes up never equals one the client chose, at any depth.
/// <list type="bullet">
/// <item><c>__fgw_c_&lt;name&gt;</c>: a client response name that starts with the prefix, or a field other than
/// <c>__typename</c> aliased <c>__typename</c> (the merged data keeps <c>__typename</c> for the runtime type).</item>
/// <item><c>__fgw_p_&lt;field&gt;</c>: a key or <c>@requires</c> field the planner adds where the operation uses
/// its plain name for something else.</item>
/// <item><c>__fgw_a&lt;hash&gt;_&lt;field&gt;</c>: a key or <c>@requires</c> field with arguments.</item>
/// <item><c>__fgw_t&lt;type&gt;__&lt;key&gt;</c>: a field sent under another name because another fragment of the
/// same selection gives <c>key</c> another type; answers map it back to <c>key</c> (<see cref="ResponseKey"/>).</item>
/// </list>
/// </summary>
public static class InternalAlias
{
    public const string Prefix = "__fgw_";
    private const string ClientTag = Prefix + "c_";
    private const string PlannerTag = Prefix + "p_";
    private const string ArgumentsTag = Prefix + "a";
    private const string TypeTag = Prefix + "t";
    private const string TypeSeparator = "__";
    private const string Typename = "__typename";

    /// <summary>
    /// The key under which a client field is fetched and merged: its response name, unless that name is the
    /// gateway's (it starts with <see cref="Prefix"/>, or it is <c>__typename</c> for another field).
    /// </summary>
    public static string DataKey(string responseName, string fieldName) =>
        NeedsEscape(responseName, fieldName) ? ClientTag + responseName : responseName;

    public static bool NeedsEscape(string responseName, string fieldName) =>
        responseName.StartsWith(Prefix, StringComparison.Ordinal) || (responseName == Typename && fieldName != Typename);

    /// <summary>The alias of a key or <c>@requires</c> field without arguments whose plain name the operation uses otherwise.</summary>
    public static string ForPlannerField(string fieldName) => PlannerTag + fieldName;

    /// <summary>
    /// The alias of a key or <c>@requires</c> field with arguments (printed as <paramref name="printedArguments"/>):
    /// the same field with other arguments gets another one.
    /// </summary>
    public static string ForArguments(string fieldName, string printedArguments)
    {
        // FNV-1a, 64 bits: stable across processes (string.GetHashCode is not), so plans print the same every run.
        var hash = 14695981039346656037ul;
        foreach (var c in printedArguments)
        {
            hash = (hash ^ c) * 1099511628211ul;
        }

        return ArgumentsTag + hash.ToString("x16", CultureInfo.InvariantCulture) + "_" + fieldName;
    }

    /// <summary>
    /// The alias of a field whose data key <paramref name="dataKey"/> another fragment of the selection gives
    /// another type; <paramref name="signature"/> is the field's type (<c>[String!]!</c>).
    /// </summary>
    public static string ForTypeConflict(string dataKey, string signature)
    {
        // Letters and digits stay; '_' and the type modifiers become '_' and a digit. The escaped type has no "__"
        // and does not end in '_', so the first "__" after the tag ends it.
        var sb = new StringBuilder(TypeTag, TypeTag.Length + (2 * signature.Length) + TypeSeparator.Length + dataKey.Length);
        foreach (var c in signature)
        {
            switch (c)
            {
                case '_':
                    sb.Append("_0");
                    break;
                case '!':
                    sb.Append("_1");
                    break;
                case '[':
                    sb.Append("_2");
                    break;
                case ']':
                    sb.Append("_3");
                    break;
                default:
                    if (char.IsAsciiLetterOrDigit(c))
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append(TypeSeparator).Append(dataKey).ToString();
    }

    /// <summary>
    /// The key of the merged data for a name a subgraph answered with: a type-conflict alias becomes the data key it
    /// stands for; every other name is its own key.
    /// </summary>
    public static string ResponseKey(string subgraphKey)
    {
        if (!subgraphKey.StartsWith(TypeTag, StringComparison.Ordinal))
        {
            return subgraphKey;
        }

        var end = subgraphKey.IndexOf(TypeSeparator, TypeTag.Length, StringComparison.Ordinal);
        return end < 0 ? subgraphKey : subgraphKey[(end + TypeSeparator.Length)..];
    }

    /// <summary>
    /// True for a name a subgraph answers with that holds a client field (a plain name, an escaped client name or a
    /// type-conflict alias of one); false for the keys and requirements the planner adds under its own names.
    /// </summary>
    public static bool IsClientDataKey(string subgraphKey)
    {
        var key = ResponseKey(subgraphKey);
        return !key.StartsWith(PlannerTag, StringComparison.Ordinal) && !key.StartsWith(ArgumentsTag, StringComparison.Ordinal);
    }

    /// <summary>The client's response name for a key of the merged data or of a subgraph answer (for error paths).</summary>
    public static string ClientResponseName(string key)
    {
        key = ResponseKey(key);
        return key.StartsWith(ClientTag, StringComparison.Ordinal) ? key[ClientTag.Length..] : key;
    }
}
