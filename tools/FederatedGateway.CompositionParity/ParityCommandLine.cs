using System.CommandLine;

namespace FederatedGateway.CompositionParity;

/// <summary>The command line of the parity tool (System.CommandLine), its help and one-line messages for bad usage.</summary>
internal sealed class ParityCommandLine
{
    private const string Description = """
        Composition parity with Apollo on the federation gateway audit.

        For each suite (all of GET <audit-url>/ids, or the ones named), reads GET /<suite>/subgraphs and Apollo's
        GET /<suite>/supergraph, composes the subgraphs with our composer and compares the two supergraphs up to the
        order of definitions, fields, enum values, directives, arguments and directive list items.

        Exit codes: 0 every suite composed and equal, 1 some did not, 2 bad usage or the audit server unreachable.
        """;

    public ParityCommandLine()
    {
        AuditUrl.Validators.Add(result =>
        {
            if (!Uri.TryCreate(result.GetValueOrDefault<string>(), UriKind.Absolute, out _))
            {
                result.AddError("--audit-url needs an absolute URL");
            }
        });
        Details.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--details needs a number of at least 0");
            }
        });
        Suites.Validators.Add(result =>
        {
            // Words after the options are suites; one that looks like an option is a mistyped option.
            if (result.Tokens.FirstOrDefault(t => t.Value.StartsWith('-')) is { } option)
            {
                result.AddError($"unknown option \"{option.Value}\"");
            }
        });
        Root = new RootCommand(Description) { AuditUrl, Out, Canonical, Details, Suites };
        Root.Validators.Add(result =>
        {
            if (result.GetValue(Canonical) && result.GetValue(Out) is null)
            {
                result.AddError("--canonical needs --out <dir>");
            }
        });
    }

    public RootCommand Root { get; }

    public Option<string> AuditUrl { get; } = new("--audit-url")
    {
        Description = "the audit server",
        HelpName = "url",
        DefaultValueFactory = _ => "http://127.0.0.1:4200",
    };

    public Option<string> Out { get; } = new("--out")
    {
        Description = "write our supergraph to <dir>/<suite>.graphql (for gateway runs with {suite} in the path)",
        HelpName = "dir",
    };

    public Option<bool> Canonical { get; } = new("--canonical")
    {
        Description = "also write both canonical forms to <dir>/<suite>.ours.canonical and .apollo.canonical",
    };

    public Option<int> Details { get; } = new("--details")
    {
        Description = "print up to n differing definitions per unequal suite after the table",
        HelpName = "n",
        DefaultValueFactory = _ => 5,
    };

    public Argument<string[]> Suites { get; } = new("suite")
    {
        Description = "the suites to compare (default: all)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public ParityOptions Read(ParseResult result) => new()
    {
        AuditUrl = result.GetValue(AuditUrl)!.TrimEnd('/'),
        OutDirectory = result.GetValue(Out),
        WriteCanonical = result.GetValue(Canonical),
        Details = result.GetValue(Details),
        Suites = result.GetValue(Suites) ?? [],
    };

    /// <summary>The first problem of a line that does not parse, as one sentence.</summary>
    public static string Describe(ParseResult result) =>
        result.UnmatchedTokens.Count > 0 ? $"unknown option \"{result.UnmatchedTokens[0]}\""
        : result.Errors.Count > 0 ? result.Errors[0].Message
        : "the command line does not parse";
}
