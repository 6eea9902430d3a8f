using System.CommandLine;
using System.CommandLine.Help;
using FederatedGateway.Core.Composition;
using FederatedGateway.Testing.Composition;
using GraphQLParser.Exceptions;

namespace FederatedGateway.CompositionParity;

/// <summary>Composes each audit suite, compares with Apollo's supergraph and prints a table, details and totals.</summary>
internal sealed class ParityRun
{
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;

    public ParityRun(TextWriter stdout, TextWriter stderr)
    {
        _stdout = stdout;
        _stderr = stderr;
    }

    public async Task<int> RunAsync(string[] args)
    {
        var line = new ParityCommandLine();
        var parsed = line.Root.Parse(args);
        if (parsed.Action is HelpAction)
        {
            return parsed.Invoke(new InvocationConfiguration { Output = _stdout, Error = _stderr });
        }

        if (parsed.Errors.Count > 0)
        {
            _stderr.WriteLine($"error: {ParityCommandLine.Describe(parsed)}");
            _stderr.WriteLine("Run 'CompositionParity --help' for usage.");
            return 2;
        }

        var options = line.Read(parsed);

        using var audit = new AuditClient(options.AuditUrl);
        IReadOnlyList<string> suites;
        try
        {
            suites = await audit.SuitesAsync();
        }
        catch (AuditException ex)
        {
            _stderr.WriteLine($"error: cannot list the suites ({ex.Message}); start the federation gateway audit's server as docs/composition.md says under \"Parity with Apollo's composer\" (`npm start -- serve` in a checkout of graphql-hive/federation-gateway-audit, port 4200) or pass --audit-url <url>");
            return 2;
        }

        var unknown = options.Suites.Except(suites, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            _stderr.WriteLine($"error: unknown suite(s): {string.Join(", ", unknown)}");
            return 2;
        }

        if (options.OutDirectory is not null)
        {
            Directory.CreateDirectory(options.OutDirectory);
        }

        var selected = suites.Where(s => options.Suites.Count == 0 || options.Suites.Contains(s)).ToList();
        var outcomes = new List<SuiteOutcome>();
        _stdout.WriteLine($"{"suite",-40} {"composed",-9} {"equal",-6} first difference");
        foreach (var suite in selected)
        {
            var outcome = await RunSuiteAsync(audit, suite, options);
            outcomes.Add(outcome);
            _stdout.WriteLine($"{suite,-40} {(outcome.Composed ? "yes" : "no"),-9} {(outcome.Equal ? "yes" : outcome.Composed ? "no" : "-"),-6} {outcome.Summary}");
        }

        foreach (var outcome in outcomes.Where(o => o.Details.Count > 0))
        {
            _stdout.WriteLine($"\n== {outcome.Suite}: differences (- Apollo only, + ours only)");
            _stdout.WriteLine(SupergraphDiff.Format(outcome.Details.Take(options.Details)));
            if (outcome.Details.Count > options.Details)
            {
                _stdout.WriteLine($"  ... {outcome.Details.Count - options.Details} more differing definitions");
            }
        }

        var composed = outcomes.Count(o => o.Composed);
        var equal = outcomes.Count(o => o.Equal);
        _stdout.WriteLine($"TOTAL: {outcomes.Count} suites, {composed} composed, {equal} equal to Apollo's supergraph up to order");
        return composed == outcomes.Count && equal == outcomes.Count ? 0 : 1;
    }

    private static async Task<SuiteOutcome> RunSuiteAsync(AuditClient audit, string suite, ParityOptions options)
    {
        IReadOnlyList<SubgraphSource> subgraphs;
        string apollo;
        try
        {
            subgraphs = await audit.SubgraphsAsync(suite);
            apollo = await audit.ApolloSupergraphAsync(suite);
        }
        catch (AuditException ex)
        {
            return SuiteOutcome.Failed(suite, "audit: " + ex.Message);
        }

        var result = SupergraphComposer.Compose(subgraphs);
        if (!result.Succeeded)
        {
            var first = result.Errors[0];
            return SuiteOutcome.Failed(suite, $"{first.Code}: {first.Message.Split('\n')[0]}{(result.Errors.Count > 1 ? $" (+{result.Errors.Count - 1} more)" : "")}");
        }

        var ours = result.SupergraphSdl!;
        if (options.OutDirectory is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(options.OutDirectory, suite + ".graphql"), ours);
        }

        try
        {
            if (options.WriteCanonical)
            {
                await File.WriteAllTextAsync(Path.Combine(options.OutDirectory!, suite + ".ours.canonical"), SupergraphNormalizer.Normalize(ours));
                await File.WriteAllTextAsync(Path.Combine(options.OutDirectory!, suite + ".apollo.canonical"), SupergraphNormalizer.Normalize(apollo));
            }

            var differences = SupergraphDiff.Compare(apollo, ours);
            return new SuiteOutcome(suite, true, differences.Count == 0, differences.Count == 0 ? "" : differences[0].ToString(), differences);
        }
        catch (GraphQLSyntaxErrorException ex)
        {
            return new SuiteOutcome(suite, true, false, "cannot parse a supergraph: " + ex.Message.Split('\n')[0], Array.Empty<SupergraphDifference>());
        }
    }
}
