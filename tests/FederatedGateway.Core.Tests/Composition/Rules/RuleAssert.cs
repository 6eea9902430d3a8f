using FederatedGateway.Core.Composition;

namespace FederatedGateway.Core.Tests.Composition.Rules;

/// <summary>Composes subgraphs and asserts what one rule reported, or that it had nothing to report.</summary>
internal static class RuleAssert
{
    /// <summary>Composition fails with an error of <paramref name="code"/> whose message contains <paramref name="message"/>.</summary>
    public static CompositionError Reports(string code, string message, params SubgraphSource[] subgraphs)
    {
        var result = SupergraphComposer.Compose(subgraphs);

        Assert.Null(result.SupergraphSdl);
        var error = result.Errors.FirstOrDefault(e => e.Code == code && e.Message.Contains(message, StringComparison.Ordinal));
        Assert.True(error is not null, $"expected {code} with \"{message}\", got:\n{string.Join("\n", result.Errors)}");
        return error!;
    }

    /// <summary>Composition succeeds: no rule reports anything.</summary>
    public static void Composes(params SubgraphSource[] subgraphs)
    {
        var result = SupergraphComposer.Compose(subgraphs);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    /// <summary>No error of <paramref name="code"/> (for inputs other rules reject).</summary>
    public static void DoesNotReport(string code, params SubgraphSource[] subgraphs)
    {
        var result = SupergraphComposer.Compose(subgraphs);

        Assert.DoesNotContain(result.Errors, e => e.Code == code);
    }
}
