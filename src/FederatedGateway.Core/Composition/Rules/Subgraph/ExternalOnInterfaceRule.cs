using FederatedGateway.Core.Composition.Subgraphs;

namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>@external is not allowed on interface fields.</summary>
internal sealed class ExternalOnInterfaceRule : InterfaceFieldDirectiveRule
{
    public const string Code = ErrorCodes.ExternalOnInterface;

    public override IReadOnlyList<string> Codes { get; } = [Code];

    protected override string Hint => "Remove @external from the interface field.";

    protected override bool Applies(SubgraphField field) => field.IsExternal;

    protected override string Message(string coordinate, SubgraphSchema schema) =>
        $"Interface type field \"{coordinate}\" is marked @external but @external is not allowed on interface fields.";
}
