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
        Publish = new Command("publish", "Publish a subgraph schema to a registry variant.") { Registry, Graph, Name, Schema, RoutingUrl, Commit, Message, Format };
        Check = new Command("check", "Check a subgraph schema against a registry variant.") { Registry, Graph, Name, Schema, RoutingUrl, Commit, Format };
        Delete = new Command("delete", "Remove a subgraph from a registry variant.") { Registry, Graph, Name, Commit, Message, Format };
        Subgraph = new Command("subgraph", "Publish, check or delete subgraphs in a schema registry.") { Publish, Check, Delete };
        History = new Command("history", "The versions of a registry variant.") { Registry, Graph, Limit, Format };
        Rollback = new Command("rollback", "Make an earlier version current again (as a new version).") { Registry, Graph, To, Message, Format };
        Fetch = new Command("fetch", "The supergraph of a registry variant.") { Registry, Graph, Version, Output };
        GraphGroup = new Command("graph", "Versions of a graph variant in a schema registry.") { History, Rollback, Fetch };
        DocumentsPublish = new Command("publish", "Register trusted documents (a persisted query list) for a registry variant; each must run on its current schema.") { Registry, Graph, Manifest, Commit, Message, Format };
        Documents = new Command("documents", "Trusted documents of a registry variant (checks validate them against proposed schemas).") { DocumentsPublish };
        Help = new Command("help", "The options of one command.") { HelpTopic };
        Root = new RootCommand("fgw — FederatedGateway command line") { Compose, PrintSchema, Plan, SchemaDiff, Subgraph, GraphGroup, Documents, Help };
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

    public Command Subgraph { get; }

    public Command Publish { get; }

    public Command Check { get; }

    public Command Delete { get; }

    public Command GraphGroup { get; }

    public Command History { get; }

    public Command Rollback { get; }

    public Command Fetch { get; }

    public Command Documents { get; }

    public Command DocumentsPublish { get; }

    public Option<string> Manifest { get; } = new("--manifest") { Description = "a persisted query list: Apollo's format or an {\"id\": \"document\"} map", HelpName = "file" };

    public Option<string> Registry { get; } = new("--registry") { Description = "the schema registry's URL (token in FGW_REGISTRY_TOKEN)", HelpName = "url" };

    public Option<string> Graph { get; } = new("--graph") { Description = "the graph and variant, e.g. trading@prod", HelpName = "name@variant" };

    public Option<string> Name { get; } = new("--name") { Description = "the subgraph's name", HelpName = "subgraph" };

    public Option<string> Schema { get; } = new("--schema") { Description = "the subgraph's SDL file", HelpName = "file" };

    public Option<string> RoutingUrl { get; } = new("--routing-url") { Description = "where the gateway sends the subgraph's fetches", HelpName = "url" };

    public Option<string> Commit { get; } = new("--commit") { Description = "the CI commit, kept with the version", HelpName = "sha" };

    public Option<string> Message { get; } = new("--message") { Description = "why, kept with the version", HelpName = "text" };

    public Option<int> Limit { get; } = new("--limit") { Description = "how many versions (newest first)", HelpName = "n", DefaultValueFactory = _ => 20 };

    public Option<int> To { get; } = new("--to") { Description = "the version to make current again", HelpName = "version" };

    public Option<int?> Version { get; } = new("--version") { Description = "an earlier version instead of the current one", HelpName = "n" };

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
