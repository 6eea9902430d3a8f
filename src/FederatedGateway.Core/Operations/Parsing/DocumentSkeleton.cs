using System.Text;

namespace FederatedGateway.Core.Operations.Parsing;

/// <summary>
/// A stand-in for a document with long lines, for finding its syntax errors cheaply: the same tokens in the same
/// order, one per line, each long name, string or number replaced by a short one of the same kind (a name by its
/// first characters, a string by <c>"…"</c>, a valid number by <c>0</c> or <c>0.0</c>). The grammar sees the same
/// sentence (keywords are short, so they are kept), so the skeleton has a syntax error exactly when the document has
/// one, and it is found at a small column: GraphQL-Parser's error message costs time quadratic in the error's column
/// (see <see cref="TokenCounter"/>). <see cref="ToSource"/> maps the error back to the document.
/// A token that follows a number with nothing in between stays on the number's line (<c>1a</c> and <c>1 a</c> differ).
/// </summary>
internal sealed class DocumentSkeleton
{
    /// <summary>Tokens up to this length are copied as they are.</summary>
    public const int ShortToken = 64;

    private const int NamePrefix = 32;

    private readonly string _source;
    private readonly int[] _skeletonStarts;
    private readonly int[] _sourceStarts;
    private readonly bool[] _copied;
    private readonly int[] _lineStarts;

    private DocumentSkeleton(string source, string text, int[] skeletonStarts, int[] sourceStarts, bool[] copied, int[] lineStarts)
    {
        _source = source;
        Text = text;
        _skeletonStarts = skeletonStarts;
        _sourceStarts = sourceStarts;
        _copied = copied;
        _lineStarts = lineStarts;
    }

    /// <summary>The skeleton's text.</summary>
    public string Text { get; }

    /// <summary>The skeleton of <paramref name="source"/>, which must have passed <see cref="TokenCounter.Scan"/> (no lexical error).</summary>
    public static DocumentSkeleton Build(string source)
    {
        var text = new StringBuilder();
        var skeletonStarts = new List<int>();
        var sourceStarts = new List<int>();
        var copied = new List<bool>();
        var lineStarts = new List<int> { 0 };
        var scanner = new LexicalScanner(source);
        var previous = default(Token);
        var first = true;
        while (scanner.Next(out var token))
        {
            if (!first && !(previous.Kind == TokenKind.Number && previous.End == token.Start))
            {
                text.Append('\n');
                lineStarts.Add(text.Length);
            }

            skeletonStarts.Add(text.Length);
            sourceStarts.Add(token.Start);
            var spelling = token.Length <= ShortToken ? null : Shortened(source.AsSpan(token.Start, token.Length), token.Kind);
            copied.Add(spelling is null);
            if (spelling is null)
            {
                text.Append(source, token.Start, token.Length);
            }
            else
            {
                text.Append(spelling);
            }

            previous = token;
            first = false;
        }

        return new DocumentSkeleton(source, text.ToString(), skeletonStarts.ToArray(), sourceStarts.ToArray(), copied.ToArray(), lineStarts.ToArray());
    }

    /// <summary>The document's 1-based line and column of the skeleton's <paramref name="line"/> and <paramref name="column"/>.</summary>
    public (int Line, int Column) ToSource(int line, int column)
    {
        var offset = line >= 1 && line <= _lineStarts.Length ? _lineStarts[line - 1] + Math.Max(0, column - 1) : Text.Length;
        var sourceOffset = _source.Length;
        if (offset < Text.Length && _skeletonStarts.Length > 0)
        {
            var index = Array.BinarySearch(_skeletonStarts, offset);
            index = index >= 0 ? index : Math.Max(0, ~index - 1);
            var within = offset - _skeletonStarts[index];
            sourceOffset = _sourceStarts[index] + (_copied[index] || within < NamePrefix ? within : 0);
        }

        return LexicalScanner.LineAndColumn(_source, Math.Min(sourceOffset, _source.Length));
    }

    private static string? Shortened(ReadOnlySpan<char> token, TokenKind kind) => kind switch
    {
        TokenKind.Name => token[..NamePrefix].ToString(),
        TokenKind.BlockString => "\"\"\"…\"\"\"",

        // \u{…} escapes are judged by the parser alone, so such a string is kept.
        TokenKind.String => token.Contains("\\u{", StringComparison.Ordinal) ? null : "\"…\"",
        TokenKind.Number => NumberForm(token) is { } form ? form : null,
        _ => null,
    };

    /// <summary><c>0</c> for a valid IntValue, <c>0.0</c> for a valid FloatValue, null for anything else (kept for the parser).</summary>
    private static string? NumberForm(ReadOnlySpan<char> number)
    {
        var i = number[0] == '-' ? 1 : 0;
        var digits = Digits(number, i);
        if (digits == 0 || (digits > 1 && number[i] == '0'))
        {
            return null;
        }

        i += digits;
        var isFloat = false;
        if (i < number.Length && number[i] == '.')
        {
            var fraction = Digits(number, i + 1);
            if (fraction == 0)
            {
                return null;
            }

            i += 1 + fraction;
            isFloat = true;
        }

        if (i < number.Length && number[i] is 'e' or 'E')
        {
            i++;
            if (i < number.Length && number[i] is '+' or '-')
            {
                i++;
            }

            var exponent = Digits(number, i);
            if (exponent == 0)
            {
                return null;
            }

            i += exponent;
            isFloat = true;
        }

        return i != number.Length ? null : isFloat ? "0.0" : "0";
    }

    private static int Digits(ReadOnlySpan<char> text, int from)
    {
        var i = from;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i - from;
    }
}
