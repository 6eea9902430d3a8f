using System.CommandLine;
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
              Compose the subgraphs a rover-style supergraph config lists (schema: file | subgraph_url | grpc) into
              a supergraph SDL, written to --output or stdout. Errors and hints go to stderr.
          fgw print-schema --supergraph <file>
              Print the client-facing API schema of a supergraph (no join/link machinery, no @inaccessible).
          fgw plan --supergraph <file> --query <file> [--operation <name>] [--variables <json>]
              Print the query plan of an operation.
          fgw schema-diff --before <file> --after <file> [--format text|json]
              The changes between two schemas (SDL or supergraphs), each breaking, dangerous or safe.
          fgw subgraph publish|check|delete --registry <url> --graph <name@variant> --name <subgraph> [...]
              Publish a subgraph to a schema registry, check a proposed schema (composition and breaking
              changes), or remove it. The token is read from FGW_REGISTRY_TOKEN.
          fgw graph history|rollback|fetch --registry <url> --graph <name@variant> [...]
              A variant's versions, a rollback to one of them, or its supergraph.
          fgw documents publish --registry <url> --graph <name@variant> --manifest <file> [...]
              Register trusted documents (a persisted query list); checks then validate them.
          fgw <command> --help | fgw help <command>
              The options of one command.

        Exit codes: 0 success, 1 composition errors, an invalid operation, a breaking change or a failed check,
        2 bad usage, unreadable input or an unreachable registry.
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
        if (args.Length == 0)
        {
            _stderr.WriteLine(Help);
            return 2;
        }

        var line = new CliCommandLine(HelpOf);
        line.Compose.SetAction(parse => ComposeAsync(parse.GetValue(line.Config), parse.GetValue(line.Output)));
        line.PrintSchema.SetAction(parse => PrintSchema(parse.GetValue(line.Supergraph)));
        line.Plan.SetAction(parse => PlanAsync(
            parse.GetValue(line.Supergraph), parse.GetValue(line.Query), parse.GetValue(line.Operation), parse.GetValue(line.Variables)));
        line.SchemaDiff.SetAction(parse => SchemaDiff(parse.GetValue(line.Before), parse.GetValue(line.After), parse.GetValue(line.Format)));
        MapRegistryCommands(line);
        MapDocumentCommands(line);
        line.Help.SetAction(parse => parse.GetValue(line.HelpTopic) is { } topic
            ? CommandHelp.TryGetValue(topic, out var text) ? WriteHelp(text) : Usage($"unknown command \"{topic}\"")
            : WriteHelp(Help));

        var result = line.Root.Parse(args);
        if (result.Errors.Count > 0 && result.Action is not CommandHelpAction)
        {
            var command = result.CommandResult.Command;
            return Usage(CliCommandLine.Describe(result), command == line.Root || command == line.Help ? null : command.Name);
        }

        return await result.InvokeAsync(new InvocationConfiguration { Output = _stdout, Error = _stderr });
    }

    /// <summary>The help of a command by name; the overview for any other name (the root command's).</summary>
    private static string HelpOf(string command) =>
        CommandHelp.TryGetValue(command, out var text) ? text : CommandHelp.GetValueOrDefault(command[(command.LastIndexOf(' ') + 1)..], Help);

    private int WriteHelp(string text)
    {
        _stdout.WriteLine(text);
        return 0;
    }

    private int PrintSchema(string? supergraph)
    {
        if (!TryLoadSchema(supergraph, out var schema, out var exit))
        {
            return exit;
        }

        _stdout.Write(ApiSchemaPrinter.Print(schema!));
        return 0;
    }

    private async Task<int> PlanAsync(string? supergraph, string? queryFile, string? operation, string? variablesJson)
    {
        if (queryFile is null)
        {
            return Usage("plan needs --query <file>", "plan");
        }

        if (!TryLoadSchema(supergraph, out var schema, out var exit) || !TryRead(queryFile, "query", out var query))
        {
            return exit == 0 ? 2 : exit;
        }

        // The gateway's own message asks HTTP clients for "operationName"; here the choice is the --operation flag.
        if (operation is null && OperationNames(query) is { Count: > 1 } names)
        {
            return Usage($"{queryFile} has several operations ({string.Join(", ", names)}): choose one with --operation <name>", "plan");
        }

        JsonDocument? variables = null;
        try
        {
            variables = JsonDocument.Parse(variablesJson ?? "{}");
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
            var result = await preparer.PrepareAsync(query, operation, variables.RootElement, CancellationToken.None);
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

    private bool TryLoadSchema(string? file, out FederatedSchema? schema, out int exit)
    {
        schema = null;
        exit = 2;
        if (file is null)
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

    /// <summary>The names of the document's operations ("(anonymous)" for one without); none when it does not parse.</summary>
    private static List<string> OperationNames(string document)
    {
        try
        {
            return GraphQLParser.Parser.Parse(document).Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>()
                .Select(o => o.Name?.StringValue ?? "(anonymous)").ToList();
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return [];
        }
    }

    private int Usage(string message, string? command = null)
    {
        _stderr.WriteLine($"error: {message}");
        _stderr.WriteLine(command is null ? "Run 'fgw --help' for usage." : $"Run 'fgw {command} --help' for usage.");
        return 2;
    }
}
