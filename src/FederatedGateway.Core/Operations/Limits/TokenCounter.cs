using GraphQLParser;
using GraphQLParser.Exceptions;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// Counts a document's lexical tokens with GraphQL-Parser's lexer, before any syntax tree is built, and stops as
/// soon as the count passes the limit: refusing a huge document costs a scan of its first tokens only.
/// </summary>
public static class TokenCounter
{
    /// <summary>
    /// True when <paramref name="document"/> has more than <paramref name="limit"/> tokens (comments are not
    /// counted). A lexical error ends the count: the parser reports it.
    /// </summary>
    public static bool Exceeds(string document, int limit)
    {
        ROM source = document;
        var position = 0;
        var count = 0;
        try
        {
            while (true)
            {
                var token = Lexer.Lex(source, position);
                if (token.Kind == TokenKind.EOF)
                {
                    return false;
                }

                if (token.Kind != TokenKind.COMMENT && ++count > limit)
                {
                    return true;
                }

                position = token.End;
            }
        }
        catch (GraphQLSyntaxErrorException)
        {
            return false;
        }
    }
}
