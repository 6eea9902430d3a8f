using System.Reflection;
using FederatedGateway.Core.Composition;
using FederatedGateway.Core.Composition.Rules;

namespace FederatedGateway.Core.Tests.Composition.Rules;

/// <summary>The pipeline lists every rule once, and every rule reports codes of <see cref="ErrorCodes"/>.</summary>
public sealed class CompositionPipelineTests
{
    private static readonly IReadOnlyList<object> Listed =
        CompositionPipeline.SubgraphRules.SelectMany(phase => phase).Cast<object>()
            .Concat(CompositionPipeline.MergeRules).Concat(CompositionPipeline.SupergraphRules).ToList();

    [Fact]
    public void Every_rule_class_is_listed_exactly_once()
    {
        var ruleTypes = typeof(ISubgraphRule).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && (typeof(ISubgraphRule).IsAssignableFrom(t) || typeof(ISupergraphRule).IsAssignableFrom(t)))
            .Select(t => t.Name).Order(StringComparer.Ordinal);

        Assert.Equal(ruleTypes, Listed.Select(r => r.GetType().Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Rule_codes_are_error_codes_and_each_rule_is_named_after_its_check()
    {
        var known = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToHashSet();

        Assert.All(Listed, rule =>
        {
            var codes = rule is ISubgraphRule s ? s.Codes : ((ISupergraphRule)rule).Codes;
            Assert.NotEmpty(codes);
            Assert.All(codes, code => Assert.Contains(code, known));
            Assert.EndsWith("Rule", rule.GetType().Name, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Error_and_hint_codes_are_distinct_screaming_snake_case_strings()
    {
        var codes = typeof(ErrorCodes).GetFields().Concat(typeof(HintCodes).GetFields()).Select(f => (string)f.GetValue(null)!).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.Matches("^[A-Z]+(_[A-Z0-9]+)+$", code));
    }
}
