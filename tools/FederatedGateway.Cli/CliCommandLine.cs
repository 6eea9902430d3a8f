using System.CommandLine;
using System.CommandLine.Help;

namespace FederatedGateway.Cli;

/// <summary>
/// The <c>fgw</c> command tree (System.CommandLine): the commands, their options, and one-line messages for a line that
/// does not parse. The actions are <see cref="CliApp"/>'s.
/// </summary>
internal sealed class CliCommandLine
{
    public CliCommandLine(Func<string, string> helpOf)
    {
        Compose = new Command("compose", "Compose subgraph schemas into a supergraph.") { Config, Output };
        PrintSchema = new Command("print-schema", "The client-facing API schema of a supergraph.") { Supergraph };
        Plan = new Command("plan", "The query plan of an operation.") { Supergraph, Query, Operation, Variables };
        SchemaDiff = new Command("schema-diff", "The changes between two schemas, classified breaking, dangerous or safe.") { Before, After, Format };
        Help = new Command("help", "The options of one command.") { HelpTopic };
        Root = new RootCommand("fgw — FederatedGateway command line") { Compose, PrintSchema, Plan, SchemaDiff, Help };
        foreach (var help in Root.Options.OfType<HelpOption>())
        {
            help.Action = new CommandHelpAction(helpOf);
        }
    }

    public RootCommand Root { get; }

    public Command Compose { get; }

    public Command PrintSchema { get; }

    public Command Plan { get; }

    public Command SchemaDiff { get; }

    public Command Help { get; }

    public Option<string> Before { get; } = new("--before") { Description = "the current schema: SDL or a supergraph (its API schema is compared)", HelpName = "file" };

    public Option<string> After { get; } = new("--after") { Description = "the proposed schema, the same way", HelpName = "file" };

    public Option<string> Format { get; } = new Option<string>("--format") { Description = "text (default) or json", HelpName = "text|json", DefaultValueFactory = _ => "text" }
        .AcceptOnlyFromAmong("text", "json");

    public Option<string> Config { get; } = new("--config") { Description = "a supergraph config in rover's shape", HelpName = "supergraph.yaml" };

    public Option<string> Output { get; } = new("--output") { Description = "write the supergraph there instead of to stdout", HelpName = "file" };

    public Option<string> Supergraph { get; } = new("--supergraph") { Description = "the supergraph SDL file", HelpName = "file" };

    public Option<string> Query { get; } = new("--query") { Description = "a file with the operation(s)", HelpName = "file" };

    public Option<string> Operation { get; } = new("--operation") { Description = "which operation, when the file has several", HelpName = "name" };

    public Option<string> Variables { get; } = new("--variables") { Description = "variable values as a JSON object", HelpName = "json" };

    public Argument<string?> HelpTopic { get; } = new("command") { Arity = ArgumentArity.ZeroOrOne };

    /// <summary>The first problem of a line that does not parse, as one sentence: unknown commands and options by name.</summary>
    public static string Describe(ParseResult result)
    {
        if (result.UnmatchedTokens.Count > 0)
        {
            var token = result.UnmatchedTokens[0];
            return result.CommandResult.Command is RootCommand ? $"unknown command \"{token}\""
                : token.StartsWith('-') ? $"unknown option \"{token}\""
                : $"unexpected argument \"{token}\"";
        }

        return result.Errors.Count > 0 ? result.Errors[0].Message : "the command line does not parse";
    }
}
