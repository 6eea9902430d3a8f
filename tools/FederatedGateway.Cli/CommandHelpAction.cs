using System.CommandLine;
using System.CommandLine.Invocation;

namespace FederatedGateway.Cli;

/// <summary>
/// What <c>--help</c>/<c>-h</c> does: writes the hand-written help of the command it follows (the overview for
/// <c>fgw --help</c>) to stdout, ignoring any other problem on the line, and exits 0.
/// </summary>
internal sealed class CommandHelpAction : SynchronousCommandLineAction
{
    private readonly Func<string, string> _helpOf;

    /// <param name="helpOf">The help text of a command by name, with its parent's for subcommands ("graph fetch"; the root command's name gives the overview).</param>
    public CommandHelpAction(Func<string, string> helpOf) => _helpOf = helpOf;

    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        // "documents publish" and "subgraph publish" share a name: the parent's name tells them apart.
        var command = parseResult.CommandResult;
        var name = command.Parent is System.CommandLine.Parsing.CommandResult { Command: var parent } && parent is not RootCommand
            ? parent.Name + " " + command.Command.Name
            : command.Command.Name;
        parseResult.InvocationConfiguration.Output.WriteLine(_helpOf(name));
        return 0;
    }
}
