using System.Text;
using FederatedGateway.Core.Operations;

namespace FederatedGateway.Core.Tests.Operations;

/// <summary>
/// Each document limit: a document exactly at the limit is prepared, one over it is refused with
/// OPERATION_LIMIT_EXCEEDED naming the setting and its value, and 0 switches the limit off.
/// </summary>
public sealed class OperationLimitsTests
{
    public static TheoryData<string, string, int> AtTheLimit => new()
    {
        // The setting, a valid demo document, and the count of what the setting limits in it.
        { nameof(OperationLimits.MaxTokens), "{ me { name } }", 6 },
        { nameof(OperationLimits.MaxDepth), "{ me { orders { trader { name } } } }", 4 },
        { nameof(OperationLimits.MaxDepth), "{ me { ...Orders } } fragment Orders on Trader { orders { trader { name } } }", 4 },
        { nameof(OperationLimits.MaxAliases), "{ me { a: name b: name c: desk } }", 3 },
        { nameof(OperationLimits.MaxRootFields), "{ me { name } traders { name } ... on Query { instruments { symbol } } }", 3 },
        { nameof(OperationLimits.MaxRootFields), "{ ...Roots } fragment Roots on Query { me { name } traders { name } }", 2 },
        { nameof(OperationLimits.MaxSelections), "{ me { name ...F ... on Trader { desk } } } fragment F on Trader { email }", 6 },
        { nameof(OperationLimits.MaxDirectivesPerField), "{ me { name @include(if: true) @skip(if: false) } }", 2 },
        { nameof(OperationLimits.MaxFragments), "{ me { ...A ...B } } fragment A on Trader { name } fragment B on Trader { desk }", 2 },
    };

    private static OperationLimits Only(string setting, int value) => setting switch
    {
        nameof(OperationLimits.MaxTokens) => OperationLimits.None with { MaxTokens = value },
        nameof(OperationLimits.MaxDepth) => OperationLimits.None with { MaxDepth = value },
        nameof(OperationLimits.MaxAliases) => OperationLimits.None with { MaxAliases = value },
        nameof(OperationLimits.MaxRootFields) => OperationLimits.None with { MaxRootFields = value },
        nameof(OperationLimits.MaxSelections) => OperationLimits.None with { MaxSelections = value },
        nameof(OperationLimits.MaxDirectivesPerField) => OperationLimits.None with { MaxDirectivesPerField = value },
        nameof(OperationLimits.MaxFragments) => OperationLimits.None with { MaxFragments = value },
        _ => throw new ArgumentOutOfRangeException(nameof(setting)),
    };

    [Theory]
    [MemberData(nameof(AtTheLimit))]
    public async Task ADocumentAtTheLimitIsPrepared(string setting, string query, int count)
    {
        var result = await DemoPreparer.Create(Only(setting, count)).PrepareAsync(query);
        Assert.True(result.IsSuccess, result.IsSuccess ? null : result.Errors[0].Message);
    }

    [Theory]
    [MemberData(nameof(AtTheLimit))]
    public async Task ADocumentOverTheLimitIsRefusedWithTheSettingAndItsValue(string setting, string query, int count)
    {
        var result = await DemoPreparer.Create(Only(setting, count - 1)).PrepareAsync(query);
        var error = Assert.Single(result.Errors);
        Assert.Equal("OPERATION_LIMIT_EXCEEDED", error.Code);
        Assert.Contains($"the limit (Gateway:Limits:{setting}) is {count - 1}.", error.Message);
        Assert.Equal(setting, error.Extensions!["limit"]);
        Assert.Equal(count - 1, error.Extensions["max"]);
    }

    [Theory]
    [MemberData(nameof(AtTheLimit))]
    public async Task ZeroSwitchesTheLimitOff(string setting, string query, int count)
    {
        _ = count;
        var result = await DemoPreparer.Create(Only(setting, 0)).PrepareAsync(query);
        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task CommentsAreNotTokens()
    {
        var result = await DemoPreparer.Create(Only(nameof(OperationLimits.MaxTokens), 6)).PrepareAsync("# a comment\n{ me { name } } # and another");
        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task TheMessageSaysWhatWasFound()
    {
        var result = await DemoPreparer.Create(OperationLimits.Default with { MaxAliases = 2 }).PrepareAsync("{ me { a: name b: name c: name } }");
        Assert.Equal("The document has more than 2 aliases; the limit (Gateway:Limits:MaxAliases) is 2.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task LimitsAreCheckedBeforeValidation()
    {
        // Unknown fields and an alias conflict, but over the alias limit: only the limit is reported.
        var result = await DemoPreparer.Create(OperationLimits.Default with { MaxAliases = 2 }).PrepareAsync("{ me { x: nope x: name x: desk } }");
        Assert.Equal("OPERATION_LIMIT_EXCEEDED", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task DepthFollowsFragmentsAndAFragmentCycleDoesNotLoop()
    {
        var preparer = DemoPreparer.Create(OperationLimits.Default with { MaxDepth = 3 });
        var deep = await preparer.PrepareAsync("{ me { ...A } } fragment A on Trader { orders { ...B } } fragment B on Order { trader { name } }");
        Assert.Equal("OPERATION_LIMIT_EXCEEDED", Assert.Single(deep.Errors).Code);

        var cycle = await preparer.PrepareAsync("{ me { ...A } } fragment A on Trader { name ...B } fragment B on Trader { ...A }");
        Assert.NotEmpty(cycle.Errors);
        Assert.All(cycle.Errors, e => Assert.Equal("GRAPHQL_VALIDATION_FAILED", e.Code));
    }

    [Fact]
    public async Task ManyDirectivesOnOneFieldAreNamedWithTheField()
    {
        var directives = string.Concat(Enumerable.Repeat(" @include(if: true)", 17));
        var result = await DemoPreparer.Create().PrepareAsync("{ me { name" + directives + " } }");
        var error = Assert.Single(result.Errors);
        Assert.Equal("OPERATION_LIMIT_EXCEEDED", error.Code);
        Assert.StartsWith("The field \"name\" has 17 directives;", error.Message);
        Assert.Equal((1, 8), Assert.Single(error.Locations));
    }

    [Fact]
    public async Task ErrorsBeyondMaxErrorsAreDroppedWithOneSummary()
    {
        var query = "{ me {" + string.Concat(Enumerable.Range(0, 8).Select(i => $" nope{i}")) + " } }";
        var capped = await DemoPreparer.Create(OperationLimits.Default with { MaxErrors = 3 }).PrepareAsync(query);
        Assert.Equal(4, capped.Errors.Count);
        Assert.All(capped.Errors.Take(3), e => Assert.Equal("GRAPHQL_VALIDATION_FAILED", e.Code));
        Assert.Equal("TOO_MANY_ERRORS", capped.Errors[3].Code);
        Assert.Equal(3, capped.Errors[3].Extensions!["max"]);

        var uncapped = await DemoPreparer.Create(OperationLimits.Default with { MaxErrors = 0 }).PrepareAsync(query);
        Assert.Equal(8, uncapped.Errors.Count);
    }

    [Fact]
    public async Task A2MiBDocumentOverTheTokenLimitIsRefusedWithoutBeingParsed()
    {
        var query = new StringBuilder("{ me {");
        while (query.Length < 2 * 1024 * 1024)
        {
            query.Append(" name");
        }

        var text = query.Append(" } }").ToString();
        var preparer = DemoPreparer.Create();
        PrepareResult? result = null;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpu = CpuTime.Measure(() => result = preparer.PrepareAsync(text).GetAwaiter().GetResult());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Equal("OPERATION_LIMIT_EXCEEDED", Assert.Single(result!.Errors).Code);
        Assert.Equal("MaxTokens", result.Errors[0].Extensions!["limit"]);

        // The lexer stops after 20,001 tokens (about 100 KB of this document); a parse of all of it would allocate
        // tens of megabytes. Generous bounds: a few milliseconds are expected.
        Assert.True(allocated < 1024 * 1024, $"{allocated} bytes allocated");
        Assert.True(cpu < TimeSpan.FromMilliseconds(500), $"{cpu.TotalMilliseconds} ms CPU");
    }
}
