using System.Text.Json;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;

namespace FederatedGateway.Cli;

/// <summary>
/// The <c>fgw</c> commands. Artifacts go to <paramref name="stdout"/> and nothing else does; diagnostics go to
/// stderr. Exit codes: 0 success, 1 the input is understood but invalid (an operation that does not validate or
/// plan), 2 bad usage or unreadable input.
/// </summary>
internal sealed partial class CliApp
{
    private const string Help = """
        fgw — FederatedGateway command line

        Usage:
          fgw compose --config <supergraph.yaml> [--output <file>]
              Compose the subgraphs a rover-style supergraph config lists (schema: file | subgraph_url) into a
              supergraph SDL, written to --output or stdout. Errors and hints go to stderr.
          fgw print-schema --supergraph <file>
              Print the client-facing API schema of a supergraph (no join/link machinery, no @inaccessible).
          fgw plan --supergraph <file> --query <file> [--operation <name>] [--variables <json>]
              Print the query plan of an operation.
          fgw <command> --help | fgw help <command>
              The options of one command.

        Exit codes: 0 success, 1 composition errors or an invalid operation, 2 bad usage or unreadable input.
        Colour is used on a terminal only (set NO_COLOR to turn it off).
        """;

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly bool _color;

    /// <param name="color">Colour diagnostics (only when stderr is a terminal and NO_COLOR is unset).</param>
    public CliApp(TextWriter stdout, TextWriter stderr, bool color = false)
    {
        _stdout = stdout;
        _stderr = stderr;
        _color = color;
    }

    /// <summary>Colour only when stderr is a terminal and <c>NO_COLOR</c> is unset or empty (no-color.org).</summary>
    public static bool UseColor(bool stderrRedirected, string? noColor) => !stderrRedirected && string.IsNullOrEmpty(noColor);

    public async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h")
        {
            (args.Length == 0 ? _stderr : _stdout).WriteLine(Help);
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] == "help")
        {
            if (args.Length == 1)
            {
                _stdout.WriteLine(Help);
                return 0;
            }

            return CommandHelp.TryGetValue(args[1], out var text) ? WriteHelp(text) : Usage($"unknown command \"{args[1]}\"");
        }

        if (!CommandHelp.TryGetValue(args[0], out var commandHelp))
        {
            return Usage($"unknown command \"{args[0]}\"");
        }

        if (args.AsSpan(1).Contains("--help") || args.AsSpan(1).Contains("-h"))
        {
            return WriteHelp(commandHelp);
        }

        var options = Options.Parse(args.AsSpan(1), out var usageError);
        if (usageError is not null)
        {
            return Usage(usageError, args[0]);
        }

        return args[0] switch
        {
            "compose" => await ComposeAsync(options),
            "print-schema" => PrintSchema(options),
            _ => await PlanAsync(options),
        };
    }

    private int WriteHelp(string text)
    {
        _stdout.WriteLine(text);
        return 0;
    }

    private int PrintSchema(IReadOnlyDictionary<string, string> options)
    {
        if (!TryLoadSchema(options, out var schema, out var exit))
        {
            return exit;
        }

        _stdout.Write(ApiSchemaPrinter.Print(schema!));
        return 0;
    }

    private async Task<int> PlanAsync(IReadOnlyDictionary<string, string> options)
    {
        if (!options.TryGetValue("query", out var queryFile))
        {
            return Usage("plan needs --query <file>", "plan");
        }

        if (!TryLoadSchema(options, out var schema, out var exit) || !TryRead(queryFile, "query", out var query))
        {
            return exit == 0 ? 2 : exit;
        }

        JsonDocument? variables = null;
        try
        {
            variables = JsonDocument.Parse(options.TryGetValue("variables", out var json) ? json : "{}");
        }
        catch (JsonException ex)
        {
            return Usage("--variables is not valid JSON: " + ex.Message, "plan");
        }

        using (variables)
        {
            if (variables.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Usage("--variables must be a JSON object, e.g. '{\"status\":\"OPEN\"}'", "plan");
            }

            var preparer = new OperationPreparer(schema!, ApiSchemaFactory.Create(schema!, ApiSchemaPrinter.Print(schema!)));
            var result = await preparer.PrepareAsync(query, options.GetValueOrDefault("operation"), variables.RootElement, CancellationToken.None);
            if (!result.IsSuccess)
            {
                foreach (var error in result.Errors)
                {
                    var at = error.Locations.Count > 0 ? $" ({queryFile}:{error.Locations[0].Line}:{error.Locations[0].Column})" : string.Empty;
                    _stderr.WriteLine($"error[{error.Code}]{at}: {error.Message}");
                }

                return 1;
            }

            _stdout.WriteLine(QueryPlanPrinter.Print(result.Operation!.Plan));
            return 0;
        }
    }

    private bool TryLoadSchema(IReadOnlyDictionary<string, string> options, out FederatedSchema? schema, out int exit)
    {
        schema = null;
        exit = 2;
        if (!options.TryGetValue("supergraph", out var file))
        {
            Usage("--supergraph <file> is required");
            return false;
        }

        if (!TryRead(file, "supergraph", out var sdl))
        {
            return false;
        }

        try
        {
            schema = SupergraphReader.Read(sdl);
            exit = 0;
            return true;
        }
        catch (SupergraphException ex)
        {
            _stderr.WriteLine($"error: {file}: {ex.Message}");
            return false;
        }
    }

    private bool TryRead(string file, string what, out string text)
    {
        try
        {
            text = File.ReadAllText(file);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _stderr.WriteLine($"error: cannot read the {what} file \"{file}\": {ex.Message}");
            text = string.Empty;
            return false;
        }
    }

    private int Usage(string message, string? command = null)
    {
        _stderr.WriteLine($"error: {message}");
        _stderr.WriteLine(command is null ? "Run 'fgw --help' for usage." : $"Run 'fgw {command} --help' for usage.");
        return 2;
    }
}
