using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace FederatedGateway.Core.Operations.Parsing;

/// <summary>
/// Parses a document that passed <see cref="TokenCounter.Scan"/> with GraphQL-Parser, so that a syntax error costs
/// little however long the line it is on. GraphQL-Parser's error message costs time quadratic in the error's column
/// (a stray <c>}</c> after a 100 KB name: 1-3 s of CPU; minutes at 1.9 MB). A document with a line longer than
/// <see cref="LongLine"/> is parsed as a copy whose ignored characters between tokens (spaces, commas, comments) are
/// line breaks: the same offsets, the same token values, short lines. The syntax tree's <c>Source</c> is set back to
/// the document, so later errors locate against it, and a parse error's place is mapped back. Where the copy still
/// has a long line (tokens written without anything between them, <c>{a{b}}}…</c>), the document is first checked as
/// its <see cref="DocumentSkeleton"/>, one token per line. Documents without long lines (nearly all) are parsed as
/// they are. Cost on a 125 KB one-line document of 3,000 fields: 2.8-3.1 ms parsed as it is, 3.6 ms as a copy, 7.6 ms
/// checked as a skeleton first.
/// </summary>
internal static class DocumentParser
{
    /// <summary>
    /// Lines up to this many characters are parsed directly: an error at column 4,096 costs the parser's message
    /// about 3 ms, a thousandth of one at column 100,000.
    /// </summary>
    public const int LongLine = 4096;

    /// <summary>The document, or null and <paramref name="error"/> (code <c>GRAPHQL_PARSE_FAILED</c>).</summary>
    public static GraphQLDocument? Parse(string query, int? maxDepth, out RequestError? error)
    {
        error = null;
        var options = new ParserOptions { MaxDepth = maxDepth };
        if (LongestLine(query) <= LongLine)
        {
            return ParseAsItIs(query, options, out error);
        }

        var broken = LineBroken(query);
        if (LongestLine(broken) <= LongLine)
        {
            try
            {
                var document = Parser.Parse(broken, options);
                document.Source = query.AsMemory();
                return document;
            }
            catch (GraphQLParserException ex)
            {
                var offset = Offset(broken, ex.Location.Line, ex.Location.Column);
                error = Error(ex, LexicalScanner.LineAndColumn(query, offset));
                return null;
            }
        }

        var skeleton = DocumentSkeleton.Build(query);
        try
        {
            Parser.Parse(skeleton.Text, new ParserOptions { MaxDepth = maxDepth, Ignore = IgnoreOptions.All });
        }
        catch (GraphQLParserException ex)
        {
            error = Error(ex, skeleton.ToSource(ex.Location.Line, ex.Location.Column));
            return null;
        }

        return ParseAsItIs(query, options, out error);
    }

    /// <summary>The length of the longest line (\r\n, \r and \n end a line).</summary>
    public static int LongestLine(ReadOnlySpan<char> text)
    {
        var longest = 0;
        while (true)
        {
            var end = text.IndexOfAny('\n', '\r');
            if (end < 0)
            {
                return Math.Max(longest, text.Length);
            }

            longest = Math.Max(longest, end);
            text = text[(end + 1)..];
        }
    }

    private static GraphQLDocument? ParseAsItIs(string query, ParserOptions options, out RequestError? error)
    {
        error = null;
        try
        {
            return Parser.Parse(query, options);
        }
        catch (GraphQLParserException ex)
        {
            // Syntax errors, and documents nested deeper than the parser allows.
            error = Error(ex, (ex.Location.Line, ex.Location.Column));
            return null;
        }
    }

    /// <summary>A copy of <paramref name="query"/> (which has no lexical error) with every character between two tokens a line feed.</summary>
    private static string LineBroken(string query) => string.Create(query.Length, query, static (copy, source) =>
    {
        source.AsSpan().CopyTo(copy);
        var scanner = new LexicalScanner(source);
        var gapStart = 0;
        while (scanner.Next(out var token))
        {
            copy[gapStart..token.Start].Fill('\n');
            gapStart = token.End;
        }

        copy[gapStart..].Fill('\n');
    });

    /// <summary>The offset of the 1-based <paramref name="line"/> and <paramref name="column"/> (lines end as in <see cref="LexicalScanner.LineAndColumn"/>).</summary>
    private static int Offset(ReadOnlySpan<char> text, int line, int column)
    {
        var lineStart = 0;
        for (var k = 0; k < text.Length && line > 1; k++)
        {
            var c = text[k];
            if (c == '\n' || (c == '\r' && (k + 1 >= text.Length || text[k + 1] != '\n')))
            {
                line--;
                lineStart = k + 1;
            }
        }

        return Math.Min(text.Length, lineStart + Math.Max(0, column - 1));
    }

    private static RequestError Error(GraphQLParserException ex, (int Line, int Column) at) =>
        new(ex.Description, "GRAPHQL_PARSE_FAILED", new[] { at });
}
