namespace FederatedGateway.Core.Text;

/// <summary>"Did you mean …?" for a name that is not one of the known ones, with GraphQL.NET's own suggestion list.</summary>
public static class Suggestions
{
    /// <summary><c>; did you mean "x"?</c> with the closest known name, or empty when none is close.</summary>
    public static string DidYouMean(string name, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(known);
        var closest = GraphQL.Utilities.StringUtils.SuggestionList(name, known);
        return closest.Length == 0 ? "" : $"; did you mean \"{closest[0]}\"?";
    }
}
