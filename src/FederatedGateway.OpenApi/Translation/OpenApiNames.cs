using System.Text;

namespace FederatedGateway.OpenApi.Translation;

/// <summary>
/// GraphQL names from OpenAPI names: words are split at anything that is not a letter or digit and at lower-to-upper
/// changes (<c>list_pets</c>, <c>listPets</c>, <c>List-Pets</c> are the words list, pets), then joined in the GraphQL
/// convention; a name that would start with a digit gets a leading underscore.
/// </summary>
internal static class OpenApiNames
{
    /// <summary><c>list_pets</c> → <c>listPets</c> (fields and arguments).</summary>
    public static string Camel(string name)
    {
        var words = Words(name);
        if (words.Count == 0)
        {
            return "_";
        }

        var builder = new StringBuilder(words[0].ToLowerInvariant());
        foreach (var word in words.Skip(1))
        {
            builder.Append(Capitalized(word));
        }

        return Valid(builder.ToString());
    }

    /// <summary><c>pet_status</c> → <c>PetStatus</c> (types).</summary>
    public static string Pascal(string name)
    {
        var words = Words(name);
        return words.Count == 0 ? "_" : Valid(string.Concat(words.Select(Capitalized)));
    }

    /// <summary><c>in-stock</c> → <c>IN_STOCK</c> (enum values).</summary>
    public static string UpperSnake(string name)
    {
        var words = Words(name);
        var value = words.Count == 0 ? "_" : Valid(string.Join('_', words).ToUpperInvariant());
        return value is "TRUE" or "FALSE" or "NULL" ? value + "_" : value;
    }

    private static string Capitalized(string word) =>
        word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + (IsAllUpper(word) ? word[1..].ToLowerInvariant() : word[1..]);

    private static bool IsAllUpper(string word) => word.All(c => !char.IsLetter(c) || char.IsUpper(c));

    private static string Valid(string name) => name.Length > 0 && char.IsDigit(name[0]) ? "_" + name : name;

    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            if (current.Length > 0 && char.IsUpper(c) && char.IsLower(name[i - 1]))
            {
                Flush();
            }

            current.Append(c);
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
