using System.Text;

namespace FederatedGateway.Grpc.Translation;

/// <summary>Name conversions between protobuf and GraphQL conventions.</summary>
public static class GraphQLNames
{
    /// <summary><c>GetQuote</c> → <c>getQuote</c>, <c>URLLookup</c> → <c>urlLookup</c>.</summary>
    public static string LowerCamel(string name)
    {
        if (name.Length == 0 || char.IsLower(name[0]))
        {
            return name;
        }

        var upper = 0;
        while (upper < name.Length && char.IsUpper(name[upper]))
        {
            upper++;
        }

        // Lower the leading capitals, keeping the last one when it starts the next word ("URLLookup").
        var lowered = upper == name.Length || upper == 1 ? upper : upper - 1;
        return string.Concat(name[..lowered].ToLowerInvariant(), name.AsSpan(lowered));
    }

    /// <summary><c>snake_case</c> or <c>camelCase</c> → <c>PascalCase</c>.</summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upperNext = true;
        foreach (var c in name)
        {
            if (c == '_')
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        return builder.ToString();
    }

    /// <summary><c>OrderSide</c> → <c>ORDER_SIDE</c>.</summary>
    public static string UpperSnake(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>A valid GraphQL name: letters, digits and underscores, not starting with a digit or <c>__</c>.</summary>
    public static bool IsValid(string name)
    {
        if (name.Length == 0 || char.IsDigit(name[0]) || name.StartsWith("__", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
