namespace FederatedGateway.Cli;

/// <summary><c>--name value</c> pairs (and bare <c>--help</c>) after the command.</summary>
internal static class Options
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal) { "supergraph", "query", "operation", "variables", "config", "output", "help" };

    public static Dictionary<string, string> Parse(ReadOnlySpan<string> args, out string? error)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || !Known.Contains(arg[2..]))
            {
                error = $"unknown option \"{arg}\"";
                return options;
            }

            var name = arg[2..];
            if (name == "help")
            {
                options[name] = "true";
                continue;
            }

            if (i + 1 >= args.Length)
            {
                error = $"{arg} needs a value";
                return options;
            }

            if (!options.TryAdd(name, args[++i]))
            {
                error = $"{arg} is given twice";
                return options;
            }
        }

        return options;
    }
}
