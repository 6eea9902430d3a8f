using FederatedGateway.Core.Operations;
using Xunit.Abstractions;

namespace FederatedGateway.Core.Tests.Operations;

/// <summary>
/// Field merging in time near-linear in the document, with the document limits off so the whole preparation
/// (parse, validation, normalization, planning) is measured. GraphQL.NET's OverlappingFieldsCanBeMerged took
/// 2.45 / 10.4 / 36 CPU-seconds for 5k / 10k / 20k repeated <c>me { name }</c>.
/// </summary>
public sealed class FieldMergeScalingTests(ITestOutputHelper output)
{
    private static readonly OperationLimits NoLimitsButErrors = OperationLimits.None with { MaxErrors = OperationLimits.Default.MaxErrors };

    private TimeSpan PrepareCpu(string query, out PrepareResult result)
    {
        var preparer = DemoPreparer.Create(NoLimitsButErrors);
        PrepareResult? prepared = null;
        var cpu = CpuTime.Measure(() => prepared = preparer.PrepareAsync(query).GetAwaiter().GetResult());
        result = prepared!;
        output.WriteLine($"{query.Length} chars: {cpu.TotalMilliseconds:F0} ms CPU");
        return cpu;
    }

    [Fact]
    public void TwentyThousandRepeatedRootFieldsArePreparedInAFractionOfASecond()
    {
        var cpu = PrepareCpu(DemoPreparer.RepeatedMe(20_000), out var result);
        Assert.True(result.IsSuccess, result.IsSuccess ? null : result.Errors[0].Message);

        // Generous: 36 s before; tens of milliseconds expected.
        Assert.True(cpu < TimeSpan.FromSeconds(3), $"{cpu.TotalMilliseconds} ms CPU");
    }

    [Fact]
    public void RepeatedFieldsCostGrowsLinearly()
    {
        PrepareCpu(DemoPreparer.RepeatedMe(2_000), out _);
        var small = PrepareCpu(DemoPreparer.RepeatedMe(4_000), out _);
        var large = PrepareCpu(DemoPreparer.RepeatedMe(16_000), out _);

        // 4x the fields: 4x the time when linear, 16x when quadratic; the bound leaves room for noise.
        Assert.True(large < (small * 10) + TimeSpan.FromMilliseconds(50), $"{small.TotalMilliseconds} ms for 4k, {large.TotalMilliseconds} ms for 16k");
    }

    [Fact]
    public void TwoThousandAlternatingAliasesGiveOneError()
    {
        // The 16 KB document that produced 1,000,000 errors (266 MB): one conflicting pair, reported once.
        var query = "{ me {" + string.Concat(Enumerable.Repeat(" x: name x: desk", 1000)) + " } }";
        var cpu = PrepareCpu(query, out var result);
        var error = Assert.Single(result.Errors);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error.Code);
        Assert.True(cpu < TimeSpan.FromSeconds(1), $"{cpu.TotalMilliseconds} ms CPU");
    }

    [Fact]
    public void ThousandsOfDistinctConflictsAreCappedAtMaxErrors()
    {
        var query = "{ me {" + string.Concat(Enumerable.Range(0, 3000).Select(i => $" x: orders(status: {(i % 2 == 0 ? "OPEN" : "FILLED")}) {{ id }} x: name")) + " } }";
        PrepareCpu(query, out var result);
        Assert.True(result.Errors.Count <= OperationLimits.Default.MaxErrors + 1, $"{result.Errors.Count} errors");
    }
}
