namespace FederatedGateway.Core.Operations;

/// <summary>
/// Counts a document's lexical tokens before any syntax tree is built, and stops as soon as the count passes the
/// limit: refusing a huge document costs a scan of its first tokens only. A scanner of its own rather than
/// GraphQL-Parser's <c>Lexer</c>, which builds each string token's value: counting a document holding a 1.9 MB
/// string argument allocated 3.8 MB with it, nothing here. The count equals the lexer's on any valid document
/// (a test compares them); on invalid input it may differ, and the parser reports the error.
/// </summary>
public static class TokenCounter
{
    /// <summary>True when <paramref name="document"/> has more than <paramref name="limit"/> tokens (comments are not counted).</summary>
    public static bool Exceeds(string document, int limit)
    {
        var text = document.AsSpan();
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\n' or '\r' or ',' or '\uFEFF')
            {
                i++;
                continue;
            }

            if (c == '#')
            {
                i = SkipComment(text, i);
                continue;
            }

            i = c switch
            {
                '"' => SkipString(text, i),
                '.' when text[i..].StartsWith("...") => i + 3,
                _ when IsNameStart(c) => SkipWhile(text, i + 1, IsNameContinue),
                _ when c == '-' || char.IsAsciiDigit(c) => SkipWhile(text, i + 1, IsNumberContinue),
                _ => i + 1,
            };

            if (++count > limit)
            {
                return true;
            }
        }

        return false;
    }

    private static int SkipComment(ReadOnlySpan<char> text, int i)
    {
        var end = text[i..].IndexOfAny('\n', '\r');
        return end < 0 ? text.Length : i + end;
    }

    /// <summary>Past a string or block string; an unterminated one runs to the end of its line (or of the text).</summary>
    private static int SkipString(ReadOnlySpan<char> text, int i)
    {
        if (text[i..].StartsWith("\"\"\""))
        {
            for (var j = i + 3; j < text.Length; j++)
            {
                if (text[j] == '\\' && text[(j + 1)..].StartsWith("\"\"\""))
                {
                    j += 3;
                }
                else if (text[j..].StartsWith("\"\"\""))
                {
                    return j + 3;
                }
            }

            return text.Length;
        }

        for (var j = i + 1; j < text.Length; j++)
        {
            switch (text[j])
            {
                case '\\':
                    j++;
                    break;
                case '"':
                    return j + 1;
                case '\n' or '\r':
                    return j;
            }
        }

        return text.Length;
    }

    private static int SkipWhile(ReadOnlySpan<char> text, int i, Func<char, bool> predicate)
    {
        while (i < text.Length && predicate(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsNameStart(char c) => c == '_' || char.IsAsciiLetter(c);

    private static bool IsNameContinue(char c) => c == '_' || char.IsAsciiLetterOrDigit(c);

    // Digits, fraction, exponent; a letter right after a number is a syntax error the parser reports.
    private static bool IsNumberContinue(char c) => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-';
}
