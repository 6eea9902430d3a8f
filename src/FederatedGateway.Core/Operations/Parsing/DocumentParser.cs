using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace FederatedGateway.Core.Operations.Parsing;

/// <summary>
/// Parses a document that passed <see cref="TokenCounter.Scan"/> with GraphQL-Parser, so that a syntax error costs
/// little however long the line it is on. GraphQL-Parser's error message costs time quadratic in the error's column
/// (a stray <c>}</c> after a 100 KB name: 1-3 s of CPU; minutes at 1.9 MB), so a document with a line longer than
/// <see cref="LongLine"/> is first parsed as its <see cref="DocumentSkeleton"/>, where every error sits at a small
/// column; only a document whose skeleton parses is parsed itself. Documents without long lines (nearly all) are
/// parsed once, as before.
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
        if (LongestLine(query) > LongLine)
        {
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
        }

        try
        {
            return Parser.Parse(query, new ParserOptions { MaxDepth = maxDepth });
        }
        catch (GraphQLParserException ex)
        {
            // Syntax errors, and documents nested deeper than the parser allows.
            error = Error(ex, (ex.Location.Line, ex.Location.Column));
            return null;
        }
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

    private static RequestError Error(GraphQLParserException ex, (int Line, int Column) at) =>
        new(ex.Description, "GRAPHQL_PARSE_FAILED", new[] { at });
}
