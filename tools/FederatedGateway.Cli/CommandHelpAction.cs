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

    /// <param name="helpOf">The help text of a command by name (the root command's name gives the overview).</param>
    public CommandHelpAction(Func<string, string> helpOf) => _helpOf = helpOf;

    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(_helpOf(parseResult.CommandResult.Command.Name));
        return 0;
    }
}
