using FederatedGateway.Core.Operations;
using GraphQLParser;

namespace FederatedGateway.Core.Tests.Operations;

/// <summary>The token count equals GraphQL-Parser's lexer's on valid documents, stops at the limit and allocates nothing.</summary>
public sealed class TokenCounterTests
{
    public static TheoryData<string> Documents => new()
    {
        "{ me { name } }",
        "query Q($id: ID! = \"t1\", $n: Int = -12, $f: Float = 1.5e-3) { trader(id: $id) { name @include(if: true) } }",
        "{ a(s: \"esc \\\" \\\\ \\u00e9 , # not a comment\") }   # a comment, with {braces}\n{ b }",
        "{ a(s: \"\"\"block \\\"\"\" \"quoted\" \n second line\"\"\") }",
        "fragment F on T { ...G ... on U { x } ... @skip(if: false) { y } }",
        "{ a(l: [1, 2.0, -3e4, true, null, ENUM, { k: \"v\" }], v: $var) }\r\n\t,,,\uFEFF",
        "subscription S { s(a: 0) | & = }",
    };

    private static int LexerCount(string document)
    {
        var count = 0;
        var position = 0;
        while (true)
        {
            var token = Lexer.Lex(document, position);
            if (token.Kind == TokenKind.EOF)
            {
                return count;
            }

            if (token.Kind != TokenKind.COMMENT)
            {
                count++;
            }

            position = token.End;
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void CountsAsTheLexerDoes(string document)
    {
        var expected = LexerCount(document);
        Assert.False(TokenCounter.Exceeds(document, expected));
        Assert.True(TokenCounter.Exceeds(document, expected - 1));
    }

    [Fact]
    public void AHugeStringIsOneTokenAndCountingItAllocatesNothing()
    {
        var document = "{ trader(id: \"" + new string('x', 1_900_000) + "\") { name } }";
        var before = GC.GetAllocatedBytesForCurrentThread();
        var exceeds = TokenCounter.Exceeds(document, 11);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.False(exceeds);
        Assert.True(TokenCounter.Exceeds(document, 10));
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void UnterminatedStringsAndStrayCharactersDoNotLoop()
    {
        Assert.False(TokenCounter.Exceeds("{ a(s: \"open\n) } \"\"\" never closed ~ ^", 100));
    }
}
