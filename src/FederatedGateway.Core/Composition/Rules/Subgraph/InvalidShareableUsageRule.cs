using FederatedGateway.Core.Composition.Subgraphs;

namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>Only object type fields can be @shareable.</summary>
internal sealed class InvalidShareableUsageRule : InterfaceFieldDirectiveRule
{
    public const string Code = ErrorCodes.InvalidShareableUsage;

    public override IReadOnlyList<string> Codes { get; } = [Code];

    protected override string Hint => "Remove @shareable from the interface field.";

    protected override bool Applies(SubgraphField field) => field.IsShareable;

    protected override string Message(string coordinate, SubgraphSchema schema) =>
        $"Invalid use of @shareable on field \"{coordinate}\": only object type fields can be marked with @shareable.";
}
