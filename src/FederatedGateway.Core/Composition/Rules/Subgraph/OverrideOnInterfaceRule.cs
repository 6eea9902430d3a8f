using FederatedGateway.Core.Composition.Subgraphs;

namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>@override is not supported on interface fields.</summary>
internal sealed class OverrideOnInterfaceRule : InterfaceFieldDirectiveRule
{
    public const string Code = ErrorCodes.OverrideOnInterface;

    public override IReadOnlyList<string> Codes { get; } = [Code];

    protected override string Hint => "Put @override on the implementations' fields.";

    protected override bool Applies(SubgraphField field) => field.OverrideFrom is not null;

    protected override string Message(string coordinate, SubgraphSchema schema) =>
        $"@override cannot be used on field \"{coordinate}\" on subgraph \"{schema.Name}\": @override is not supported on interface type fields.";
}
