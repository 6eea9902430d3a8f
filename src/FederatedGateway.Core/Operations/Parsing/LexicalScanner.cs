namespace FederatedGateway.Core.Operations.Parsing;

/// <summary>The kind of a lexical token, as far as the grammar needs to tell them apart.</summary>
internal enum TokenKind
{
    /// <summary>One of <c>! $ &amp; ( ) ... : = @ [ ] { | }</c>.</summary>
    Punctuator,

    /// <summary>A name (including keywords such as <c>query</c>, <c>on</c>, <c>true</c>).</summary>
    Name,

    /// <summary>An int or float literal as scanned: digits, signs, dots and exponents (the parser judges its form).</summary>
    Number,

    /// <summary>A string literal in double quotes.</summary>
    String,

    /// <summary>A block string literal in triple quotes.</summary>
    BlockString,
}

/// <summary>One token: its kind and its span <c>[Start, End)</c> in the document.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>
/// Reads a GraphQL document's lexical tokens without building their values (no allocation), skipping ignored
/// characters (white space, line terminators, commas, comments, the byte-order mark). It stops at the first lexical
/// error it is certain of under the grammar: unterminated strings and block strings, invalid escapes, control
/// characters in strings, characters that start no token, <c>.</c> or <c>..</c>. Anything else (a malformed number,
/// <c>\u{…}</c> escapes) is left to the parser. Shared by <see cref="TokenCounter"/> and <see cref="DocumentSkeleton"/>.
/// </summary>
internal ref struct LexicalScanner
{
    private readonly ReadOnlySpan<char> _text;
    private int _position;

    public LexicalScanner(ReadOnlySpan<char> text)
    {
        _text = text;
        _position = 0;
    }

    /// <summary>Where the next token is looked for.</summary>
    public readonly int Position => _position;

    /// <summary>The message of the lexical error <see cref="Next"/> stopped at (without the "Syntax Error: " prefix).</summary>
    public string? Error { get; private set; }

    /// <summary>The offset the error is reported at.</summary>
    public int ErrorPosition { get; private set; }

    /// <summary>
    /// Reads the next token. False at the end of the document, or at a lexical error (then <see cref="Error"/> is set).
    /// </summary>
    public bool Next(out Token token)
    {
        var text = _text;
        var i = _position;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\n' or '\r' or ',' or '\uFEFF')
            {
                i++;
            }
            else if (c == '#')
            {
                var end = text[i..].IndexOfAny('\n', '\r');
                i = end < 0 ? text.Length : i + end;
            }
            else
            {
                break;
            }
        }

        if (i >= text.Length)
        {
            _position = text.Length;
            token = default;
            return false;
        }

        var first = text[i];
        var kind = TokenKind.Punctuator;
        int next;
        string? error = null;
        var errorAt = i;
        switch (first)
        {
            case '"':
                if (text[i..].StartsWith("\"\"\""))
                {
                    kind = TokenKind.BlockString;
                    next = SkipBlockString(text, i, out error);
                }
                else
                {
                    kind = TokenKind.String;
                    next = SkipString(text, i, out error);
                }

                errorAt = next;
                break;
            case '.':
                next = i + 3;
                if (!text[i..].StartsWith("..."))
                {
                    error = "Unexpected character \".\"; did you mean \"...\"?";
                }

                break;
            case '!' or '$' or '&' or '(' or ')' or ':' or '=' or '@' or '[' or ']' or '{' or '|' or '}':
                next = i + 1;
                break;
            default:
                if (IsNameStart(first))
                {
                    kind = TokenKind.Name;
                    next = SkipWhile(text, i + 1, IsNameContinue);
                }
                else if (first == '-' || char.IsAsciiDigit(first))
                {
                    kind = TokenKind.Number;
                    next = SkipWhile(text, i + 1, IsNumberContinue);
                }
                else
                {
                    next = i + 1;
                    error = char.IsControl(first) || char.IsSurrogate(first)
                        ? $"Unexpected character U+{(int)first:X4}."
                        : $"Unexpected character \"{first}\".";
                }

                break;
        }

        if (error is not null)
        {
            Error = error;
            ErrorPosition = errorAt;
            _position = text.Length;
            token = default;
            return false;
        }

        _position = next;
        token = new Token(kind, i, next);
        return true;
    }

    /// <summary>The 1-based line and column of <paramref name="position"/> in <paramref name="text"/> (\r\n, \r and \n end a line).</summary>
    public static (int Line, int Column) LineAndColumn(ReadOnlySpan<char> text, int position)
    {
        var line = 1;
        var lineStart = 0;
        for (var k = 0; k < position; k++)
        {
            var c = text[k];
            if (c == '\n' || (c == '\r' && (k + 1 >= text.Length || text[k + 1] != '\n')))
            {
                line++;
                lineStart = k + 1;
            }
        }

        return (line, position - lineStart + 1);
    }

    /// <summary>Past a block string; <paramref name="error"/> set (and the error's position returned) when it is invalid.</summary>
    private static int SkipBlockString(ReadOnlySpan<char> text, int i, out string? error)
    {
        error = null;
        for (var j = i + 3; j < text.Length; j++)
        {
            var c = text[j];
            if (c == '\\' && text[(j + 1)..].StartsWith("\"\"\""))
            {
                j += 3;
            }
            else if (c == '"' && text[j..].StartsWith("\"\"\""))
            {
                return j + 3;
            }
            else if (c < ' ' && c is not '\t' and not '\n' and not '\r')
            {
                error = $"Invalid character U+{(int)c:X4} within a block string.";
                return j;
            }
        }

        error = "Unterminated block string.";
        return text.Length;
    }

    /// <summary>Past a string; <paramref name="error"/> set (and the error's position returned) when it is invalid.</summary>
    private static int SkipString(ReadOnlySpan<char> text, int i, out string? error)
    {
        error = null;
        for (var j = i + 1; j < text.Length; j++)
        {
            var c = text[j];
            switch (c)
            {
                case '\\':
                    if (InvalidEscape(text, j + 1) is { } escape)
                    {
                        error = escape;
                        return j;
                    }

                    j++;
                    break;
                case '"':
                    return j + 1;
                case '\n' or '\r':
                    error = "Unterminated string.";
                    return j;
                case < ' ' and not '\t':
                    error = $"Invalid character U+{(int)c:X4} within a string.";
                    return j;
            }
        }

        error = "Unterminated string.";
        return text.Length;
    }

    /// <summary>The error for the escape whose character is at <paramref name="at"/>, or null when it is valid (or is <c>\u{…}</c>, left to the parser).</summary>
    private static string? InvalidEscape(ReadOnlySpan<char> text, int at)
    {
        if (at >= text.Length)
        {
            return "Unterminated string.";
        }

        var c = text[at];
        if (c is '"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't')
        {
            return null;
        }

        if (c == 'u')
        {
            if (at + 1 < text.Length && text[at + 1] == '{')
            {
                return null;
            }

            if (at + 4 < text.Length && char.IsAsciiHexDigit(text[at + 1]) && char.IsAsciiHexDigit(text[at + 2])
                && char.IsAsciiHexDigit(text[at + 3]) && char.IsAsciiHexDigit(text[at + 4]))
            {
                return null;
            }

            return "Invalid Unicode escape sequence.";
        }

        return c is '\n' or '\r' ? "Unterminated string." : char.IsControl(c) || char.IsSurrogate(c)
            ? $"Invalid character escape sequence: \\ followed by U+{(int)c:X4}."
            : $"Invalid character escape sequence: \\{c}.";
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
