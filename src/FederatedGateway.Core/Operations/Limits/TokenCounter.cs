namespace FederatedGateway.Core.Operations;

/// <summary>What <see cref="TokenCounter.Scan"/> found first.</summary>
public enum DocumentScanOutcome
{
    /// <summary>No lexical error, within both bounds: the parser takes over.</summary>
    Passed,

    /// <summary>More tokens than the limit.</summary>
    TooManyTokens,

    /// <summary>Selection-set braces nested deeper than the bound.</summary>
    TooDeep,

    /// <summary>A lexical error the parser would report (see <see cref="DocumentScan.Message"/>).</summary>
    LexicalError,
}

/// <summary>The result of a scan: the outcome, and for a lexical error its message and 1-based line/column.</summary>
public readonly record struct DocumentScan(DocumentScanOutcome Outcome, string? Message = null, int Line = 0, int Column = 0);

/// <summary>
/// Scans a document's lexical tokens before any syntax tree is built, and stops at the first of: the token count
/// passing the limit, selection sets nested past a bound, or a lexical error. Refusing a huge document costs a scan
/// of its first tokens only. A scanner of its own rather than GraphQL-Parser's <c>Lexer</c>, which builds each string
/// token's value: counting a document holding a 1.9 MB string argument allocated 3.8 MB with it, nothing here.
/// The count equals the lexer's on any valid document (a test compares them).
/// <para>
/// Lexical errors are reported here, with their own line and column, because every <c>GraphQLParserException</c> of
/// GraphQL-Parser 9.5.1 composes a message highlighting the source at the error, and pads the caret line by
/// appending one space at a time to a string (<c>LeftPad</c> in <c>HighlightSourceAtLocation</c>): time quadratic in
/// the error's column, plus a copy and split of the whole source. Measured (CPU, one thread) with the parser throwing
/// after a run of one line: 100 KB 1.2-2.9 s, 200 KB 5.8-7.4 s, 400 KB 11.8-17.4 s, so minutes at 1.9 MB (an
/// unterminated 1.9 MB string). Found here instead: 100 KB under 3 ms, 1.9 MB 9 ms, including the line/column count.
/// Only errors certain under the GraphQL grammar are reported (unterminated strings and block strings, invalid
/// escapes, control characters, characters that start no token, <c>.</c> or <c>..</c>); anything else is left to the
/// parser. Syntax errors (valid tokens in a wrong order) still come from the parser and still pay its message at a
/// large column; the parser has no option to skip it.
/// </para>
/// </summary>
public static class TokenCounter
{
    /// <summary>True when <paramref name="document"/> has more than <paramref name="limit"/> tokens (comments are not counted).</summary>
    public static bool Exceeds(string document, int limit) => Scan(document, limit, 0).Outcome == DocumentScanOutcome.TooManyTokens;

    /// <summary>
    /// Scans <paramref name="document"/>. <paramref name="maxTokens"/> and <paramref name="maxSelectionNesting"/> of
    /// 0 mean unlimited. Selection nesting counts the braces opened outside parentheses (object literals are inside
    /// arguments, so do not count); inline fragments count, so the bound must be looser than the operation's depth
    /// limit. Allocates nothing unless it reports a lexical error.
    /// </summary>
    public static DocumentScan Scan(string document, int maxTokens, int maxSelectionNesting)
    {
        var text = document.AsSpan();
        var count = 0;
        var parens = 0;
        var nesting = 0;
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

            int next;
            string? error = null;
            switch (c)
            {
                case '"':
                    next = SkipString(text, i, out error);
                    break;
                case '.':
                    next = i + 3;
                    if (!text[i..].StartsWith("..."))
                    {
                        error = "Unexpected character \".\"; did you mean \"...\"?";
                    }

                    break;
                case '(':
                    parens++;
                    next = i + 1;
                    break;
                case ')':
                    parens = Math.Max(0, parens - 1);
                    next = i + 1;
                    break;
                case '{':
                    if (parens == 0 && ++nesting > maxSelectionNesting && maxSelectionNesting > 0)
                    {
                        return new DocumentScan(DocumentScanOutcome.TooDeep);
                    }

                    next = i + 1;
                    break;
                case '}':
                    if (parens == 0)
                    {
                        nesting = Math.Max(0, nesting - 1);
                    }

                    next = i + 1;
                    break;
                case '!' or '$' or '&' or ':' or '=' or '@' or '[' or ']' or '|':
                    next = i + 1;
                    break;
                default:
                    if (IsNameStart(c))
                    {
                        next = SkipWhile(text, i + 1, IsNameContinue);
                    }
                    else if (c == '-' || char.IsAsciiDigit(c))
                    {
                        next = SkipWhile(text, i + 1, IsNumberContinue);
                    }
                    else
                    {
                        next = i + 1;
                        error = char.IsControl(c) || char.IsSurrogate(c)
                            ? $"Unexpected character U+{(int)c:X4}."
                            : $"Unexpected character \"{c}\".";
                    }

                    break;
            }

            if (error is not null)
            {
                var (line, column) = LineAndColumn(text, c == '"' ? next : i);
                return new DocumentScan(DocumentScanOutcome.LexicalError, "Syntax Error: " + error, line, column);
            }

            i = next;
            if (++count > maxTokens && maxTokens > 0)
            {
                return new DocumentScan(DocumentScanOutcome.TooManyTokens);
            }
        }

        return new DocumentScan(DocumentScanOutcome.Passed);
    }

    private static int SkipComment(ReadOnlySpan<char> text, int i)
    {
        var end = text[i..].IndexOfAny('\n', '\r');
        return end < 0 ? text.Length : i + end;
    }

    /// <summary>Past a string or block string; <paramref name="error"/> set (and the error's position returned) when it is invalid.</summary>
    private static int SkipString(ReadOnlySpan<char> text, int i, out string? error)
    {
        error = null;
        if (text[i..].StartsWith("\"\"\""))
        {
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

    /// <summary>The 1-based line and column of <paramref name="position"/> (\r\n, \r and \n end a line).</summary>
    private static (int Line, int Column) LineAndColumn(ReadOnlySpan<char> text, int position)
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
