namespace FederatedGateway.CompositionParity;

/// <summary>The command line of the parity tool.</summary>
internal sealed class ParityOptions
{
    public const string Help = """
        Composition parity with Apollo on the federation gateway audit.

        Usage:
          CompositionParity [--audit-url <url>] [--out <dir>] [--canonical] [--details <n>] [suite...]

        For each suite (all of GET <audit-url>/ids, or the ones named), reads GET /<suite>/subgraphs and Apollo's
        GET /<suite>/supergraph, composes the subgraphs with our composer and compares the two supergraphs up to the
        order of definitions, fields, enum values, directives, arguments and directive list items.

          --audit-url <url>  the audit server (default http://127.0.0.1:4200)
          --out <dir>        write our supergraph to <dir>/<suite>.graphql (for gateway runs with {suite} in the path)
          --canonical        also write both canonical forms to <dir>/<suite>.ours.canonical and .apollo.canonical
          --details <n>      print up to n differing definitions per unequal suite after the table (default 5)

        Exit codes: 0 every suite composed and equal, 1 some did not, 2 bad usage or the audit server unreachable.
        """;

    public string AuditUrl { get; private set; } = "http://127.0.0.1:4200";

    public string? OutDirectory { get; private set; }

    public bool WriteCanonical { get; private set; }

    public int Details { get; private set; } = 5;

    public List<string> Suites { get; } = new();

    public bool ShowHelp { get; private set; }

    /// <returns>The options, or null with <paramref name="error"/> set.</returns>
    public static ParityOptions? Parse(string[] args, out string? error)
    {
        var options = new ParityOptions();
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Length ? args[++i] : null;
            switch (arg)
            {
                case "--help" or "-h":
                    options.ShowHelp = true;
                    break;
                case "--canonical":
                    options.WriteCanonical = true;
                    break;
                case "--audit-url":
                    options.AuditUrl = Value()?.TrimEnd('/') ?? "";
                    if (!Uri.TryCreate(options.AuditUrl, UriKind.Absolute, out _))
                    {
                        error = "--audit-url needs an absolute URL";
                        return null;
                    }

                    break;
                case "--out":
                    options.OutDirectory = Value();
                    if (options.OutDirectory is null)
                    {
                        error = "--out needs a directory";
                        return null;
                    }

                    break;
                case "--details":
                    if (!int.TryParse(Value(), out var details) || details < 0)
                    {
                        error = "--details needs a number of at least 0";
                        return null;
                    }

                    options.Details = details;
                    break;
                default:
                    if (arg.StartsWith('-'))
                    {
                        error = $"unknown option \"{arg}\"";
                        return null;
                    }

                    options.Suites.Add(arg);
                    break;
            }
        }

        if (options.WriteCanonical && options.OutDirectory is null)
        {
            error = "--canonical needs --out <dir>";
            return null;
        }

        return options;
    }
}
