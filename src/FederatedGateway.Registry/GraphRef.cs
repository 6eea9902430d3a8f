using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace FederatedGateway.Registry;

/// <summary>A graph and one of its variants, written <c>name@variant</c> (e.g. <c>trading@prod</c>; the variant defaults to <c>current</c>).</summary>
public sealed partial record GraphRef(string Graph, string Variant)
{
    public const string DefaultVariant = "current";

    /// <summary>Where the audit log keeps token changes: no graph can have this name (names start with a letter or digit).</summary>
    public static readonly GraphRef Tokens = new("_registry", "tokens");

    public override string ToString() => $"{Graph}@{Variant}";

    public static bool TryParse(string? text, [NotNullWhen(true)] out GraphRef? graph)
    {
        graph = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var at = text.IndexOf('@');
        var name = at < 0 ? text : text[..at];
        var variant = at < 0 ? DefaultVariant : text[(at + 1)..];
        if (!IsName(name) || !IsName(variant))
        {
            return false;
        }

        graph = new GraphRef(name, variant);
        return true;
    }

    /// <summary>Graph, variant and subgraph names: 1-64 letters, digits, '-' and '_', starting with a letter or digit.</summary>
    public static bool IsName(string? name) => name is not null && NamePattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex NamePattern();
}
