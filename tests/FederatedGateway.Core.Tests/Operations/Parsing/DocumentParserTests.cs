using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Operations.Parsing;
using GraphQLParser;
using GraphQLParser.Exceptions;
using FederatedGateway.Core.Tests.Operations;
using Xunit.Abstractions;

namespace FederatedGateway.Core.Tests.Operations.Parsing;

/// <summary>
/// A document with long lines is first parsed as its skeleton: the skeleton must fail exactly where the document
/// fails (same message, same line and column, compared with GraphQL-Parser on the document itself), pass where it
/// passes, and make a syntax error far along a long line cheap.
/// </summary>
public sealed class DocumentParserTests
{
    /// <summary>A name long enough to make its line long, and to be shortened in the skeleton.</summary>
    private static readonly string Long = new('a', DocumentParser.LongLine + 100);

    private static readonly string LongString = "\"" + new string('s', 5000) + "\"";
    private static readonly string LongNumber = "-" + new string('7', 5000);

    private readonly ITestOutputHelper _output;

    public DocumentParserTests(ITestOutputHelper output) => _output = output;

    /// <summary>
    /// What makes a line long: one long name (so the line-broken copy still has a long line, and the skeleton is
    /// used), or many names of 1,000 characters (the line-broken copy has short lines).
    /// </summary>
    private static readonly string[] Lines = [Long, string.Join(' ', Enumerable.Range(0, 10).Select(i => (char)('b' + i) + new string('n', 1000)))];

    public static TheoryData<string> BrokenDocuments
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var L in Lines)
            {
                data.Add("{ me { " + L + " } } }");
                data.Add("{ me { " + L + " }");
                data.Add("{ me { " + L + "(x: 123abc) } }");
                data.Add("{ me { " + L + "(x: 0123) } }");
                data.Add("{ me { " + L + "(x: 1e) } }");
                data.Add("{ me { " + L + "(x: " + LongNumber + "abc) } }");
                data.Add("{ me { " + L + "(x: " + LongNumber + ".) } }");
                data.Add("{ me { " + L + "(x: " + LongString + " y) } }");
                data.Add("{ me { " + L + "(x: \"\"\"" + new string('b', 5000) + "\"\"\" y) } }");
                data.Add("{ me { " + L + "(x: " + LongString + ") name( } }");
                data.Add("query ($v: Int = 1.5.5) { " + L + " }");
                data.Add("{ me { " + L + " @ } }");
                data.Add("{ me { " + L + " ... } }");
                data.Add("fragment on on T { " + L + " }\n{ me { ...on } }");
                data.Add("{ me {\n  " + L + "\n  name: } }");
                data.Add("{ me {\r\n " + L + ",,, name # comment\r\n(a: $) } }");
                data.Add("{ me { " + L + "(x: \"\\u{1F600}" + new string('u', 5000) + "\") } }");
                data.Add("{ me { " + L + "}}}");
                data.Add("{ me { " + L + " } } " + L);
                data.Add(L);
            }

            return data;
        }
    }

    public static TheoryData<string> ValidDocuments
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var L in Lines)
            {
                data.Add("{ me { " + L + " } }");
                data.Add("query Q($v: Int = " + LongNumber + ", $f: Float = " + LongNumber + ".5e-3) { me { " + L + "(x: " + LongString + ", y: \"\"\"" + new string('b', 5000) + "\"\"\") } }");
                data.Add("{ me { " + L + " # a comment\n name(x: 1" + new string(' ', 5000) + ", y: abc) } }");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(BrokenDocuments))]
    public void TheSkeletonFailsWhereTheDocumentFails(string document)
    {
        Assert.True(DocumentParser.LongestLine(document) > DocumentParser.LongLine);
        var expected = Assert.ThrowsAny<GraphQLParserException>(() => Parser.Parse(document));

        var parsed = DocumentParser.Parse(document, maxDepth: null, out var error);

        Assert.Null(parsed);
        Assert.NotNull(error);
        _output.WriteLine($"{error.Message} at {error.Locations[0]}");
        Assert.Equal("GRAPHQL_PARSE_FAILED", error.Code);
        // A message that names a long token names it shortened (32 characters), not in full.
        Assert.Equal(expected.Description.Replace(Long, Long[..32], StringComparison.Ordinal), error.Message);
        Assert.Equal((expected.Location.Line, expected.Location.Column), Assert.Single(error.Locations));
    }

    [Theory]
    [MemberData(nameof(ValidDocuments))]
    public void TheSkeletonPassesWhereTheDocumentPasses(string document)
    {
        Assert.True(DocumentParser.LongestLine(document) > DocumentParser.LongLine);
        var parsed = DocumentParser.Parse(document, maxDepth: null, out var error);
        Assert.Null(error);
        Assert.NotNull(parsed);
        Assert.Equal(Parser.Parse(document).Definitions.Count, parsed.Definitions.Count);
    }

    [Fact]
    public async Task ValidationErrorsOnALongLineAreLocatedInTheDocument()
    {
        // The line-broken copy has other lines; the syntax tree's source is the document again.
        var query = "{ me {" + new string(' ', 5000) + "nope } }";
        var result = await DemoPreparer.Create().PrepareAsync(query);
        var error = Assert.Single(result.Errors);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error.Code);
        Assert.Equal((1, 5007), Assert.Single(error.Locations));
    }

    [Fact]
    public void ShortLinesAreParsedDirectly()
    {
        var parsed = DocumentParser.Parse("{ me {\n name } } }", maxDepth: null, out var error);
        Assert.Null(parsed);
        Assert.Equal((2, 11), Assert.Single(error!.Locations));
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(1_900_000)]
    public void AStrayBraceFarAlongALongLineCostsLittle(int nameLength)
    {
        // GraphQL-Parser alone: 1-3 s of CPU at 100 KB (its error message is quadratic in the column), minutes at 1.9 MB.
        var document = "{ me { " + new string('n', nameLength) + " } } }";
        RequestError? error = null;
        var cpu = CpuTime.Measure(() => DocumentParser.Parse(document, maxDepth: null, out error));
        _output.WriteLine($"{document.Length} chars: {cpu.TotalMilliseconds:F1} ms CPU");
        Assert.Equal((1, nameLength + 13), Assert.Single(error!.Locations));
        Assert.True(error.Message.Length < 200, "the message does not echo the line");
        Assert.True(cpu < TimeSpan.FromMilliseconds(500), $"{cpu.TotalMilliseconds} ms CPU");
    }

    [Fact]
    public void LongestLineCountsEveryLineTerminator()
    {
        Assert.Equal(0, DocumentParser.LongestLine(string.Empty));
        Assert.Equal(3, DocumentParser.LongestLine("ab\r\nabc\rx\ny"));
        Assert.Equal(4, DocumentParser.LongestLine("a\nabcd"));
    }
}
