using System.Diagnostics;
using System.Text.Json;
using FederatedGateway.Core.Operations;
using Xunit.Abstractions;

namespace FederatedGateway.Core.Tests.Operations;

/// <summary>
/// Inputs whose error GraphQL-Parser or GraphQL.NET would find only at a super-linear cost (a syntax error's message
/// quadratic in its line, a million-digit BigInteger) or would misreport (the parser's recursion guard): the gateway
/// finds them first. CPU bounds are generous (seconds before, milliseconds now).
/// </summary>
public sealed class HostileDocumentTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromMilliseconds(500);
    private readonly ITestOutputHelper _output;

    public HostileDocumentTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string, string, int> LexicalErrors => new()
    {
        { "{ me { " + new string('a', 100_000) + " % } }", "Unexpected character \"%\"", 100_009 },
        { "{ trader(id: \"" + new string('x', 100_000) + "\\q\") { id } }", "\\q", 100_015 },
        { "{ trader(id: \"" + new string('x', 1_900_000) + " { id } }", "Unterminated string", 1_900_024 },
        { "{ a(s: \"\"\"" + new string('x', 100_000) + " }", "Unterminated block string", 100_013 },
        { "{ a(s: \"\\u12G4\") }", "Unicode escape", 9 },
        { "{ a .. b }", "\"...\"", 5 },
    };

    [Theory]
    [MemberData(nameof(LexicalErrors))]
    public void LexicalErrorsOnLongLinesAreFoundByTheScannerInLinearTime(string query, string messagePart, int column)
    {
        var preparer = DemoPreparer.Create();
        PrepareResult? result = null;
        var cpu = CpuTime.Measure(() => result = preparer.PrepareAsync(query).GetAwaiter().GetResult());
        _output.WriteLine($"{query.Length} chars: {cpu.TotalMilliseconds:F1} ms CPU");

        var error = Assert.Single(result!.Errors);
        Assert.Equal("GRAPHQL_PARSE_FAILED", error.Code);
        Assert.Contains(messagePart, error.Message);
        Assert.True(error.Message.Length < 200, "the message does not echo the line");
        Assert.Equal((1, column), Assert.Single(error.Locations));
        Assert.True(cpu < Generous, $"{cpu.TotalMilliseconds} ms CPU");
    }

    [Fact]
    public void TheScannerCountsLinesAndColumnsAsTheParserDoes()
    {
        var scan = TokenCounter.Scan("{\r\n  me {\n\r name ~ } }", 0, 0);
        Assert.Equal(DocumentScanOutcome.LexicalError, scan.Outcome);
        Assert.Equal((4, 7), (scan.Line, scan.Column));
    }

    [Fact]
    public void ValidDocumentsPassTheScanner()
    {
        foreach (var document in TokenCounterTests.Documents)
        {
            Assert.Equal(DocumentScanOutcome.Passed, TokenCounter.Scan(document, 0, 0).Outcome);
        }

        Assert.Equal(DocumentScanOutcome.Passed, TokenCounter.Scan("{ a(s: \"\\u{1F600} \\/ \\b\\f\\n\\r\\t\", o: { a: { b: { c: 1 } } }) }", 0, 1).Outcome);
    }

    [Fact]
    public async Task AThousandNestedSelectionSetsExceedMaxDepthNotTheParsersGuard()
    {
        var query = string.Concat(Enumerable.Repeat("{ me ", 1000)) + "{ id" + new string('}', 1001);
        var result = await DemoPreparer.Create().PrepareAsync(query);
        var error = Assert.Single(result.Errors);
        Assert.Equal("OPERATION_LIMIT_EXCEEDED", error.Code);
        Assert.Equal("MaxDepth", error.Extensions!["limit"]);
        Assert.Contains("Gateway:Limits:MaxDepth", error.Message);
    }

    [Fact]
    public async Task ObjectLiteralsInArgumentsAreNotSelectionNesting()
    {
        // 40 nested object literals inside an argument, selections only 2 deep: a validation error, not a limit.
        var query = "mutation { placeOrder(input: { traderId: " + string.Concat(Enumerable.Repeat("{ a: ", 40)) + "1" + string.Concat(Enumerable.Repeat(" }", 40)) + " }) { id } }";
        var result = await DemoPreparer.Create().PrepareAsync(query);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.Equal("GRAPHQL_VALIDATION_FAILED", e.Code));
    }

    [Fact]
    public async Task AMillionDigitIntVariableIsRefusedBeforeBigIntegerParsing()
    {
        const string query = "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }";
        var json = "{\"input\":{\"traderId\":\"t1\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"quantity\":" + new string('9', 1_000_000) + ",\"limitPrice\":1}}";
        using var variables = JsonDocument.Parse(json);
        var preparer = DemoPreparer.Create();
        await preparer.PrepareAsync(query, null, default, default); // warm: the document is cached

        PrepareResult? result = null;
        var stopwatch = Stopwatch.StartNew();
        var cpu = CpuTime.Measure(() => result = preparer.PrepareAsync(query, null, variables.RootElement, default).AsTask().GetAwaiter().GetResult());
        _output.WriteLine($"1,000,000 digits: {cpu.TotalMilliseconds:F1} ms CPU, {stopwatch.ElapsedMilliseconds} ms wall");

        var error = Assert.Single(result!.Errors);
        Assert.Equal("BAD_USER_INPUT", error.Code);
        Assert.Contains("\"$input\" got an invalid value at \"quantity\"", error.Message);
        Assert.True(cpu < Generous, $"{cpu.TotalMilliseconds} ms CPU");
    }

    [Theory]
    [InlineData("1.7976931348623157e308")]
    [InlineData("-1.7976931348623157e+308")]
    [InlineData("4.9e-324")]
    [InlineData("0.12345678901234567890123456789")]
    [InlineData("123.456")]
    public async Task ValidFloatsOfEveryLengthStillPass(string number)
    {
        const string query = "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }";
        using var variables = JsonDocument.Parse("{\"input\":{\"traderId\":\"t1\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"quantity\":1,\"limitPrice\":" + number + "}}");
        var result = await DemoPreparer.Create().PrepareAsync(query, null, variables.RootElement, default);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task ANumberOfExactlyTheBoundIsLeftToCoercion()
    {
        const string query = "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }";
        var atBound = "0." + new string('1', LongNumberVariableCheck.MaxNumberLength - 2);
        using var variables = JsonDocument.Parse("{\"input\":{\"traderId\":\"t1\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"quantity\":1,\"limitPrice\":" + atBound + "}}");
        var result = await DemoPreparer.Create().PrepareAsync(query, null, variables.RootElement, default);
        Assert.Empty(result.Errors);
    }
}
