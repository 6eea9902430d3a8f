using FederatedGateway.Core.Composition.Subgraphs;

namespace FederatedGateway.Core.Composition.Rules;

/// <summary>What a subgraph rule sees: the subgraph, and where its errors go (attributed to that subgraph).</summary>
internal sealed class SubgraphRuleContext
{
    private readonly List<CompositionError> _errors;

    public SubgraphRuleContext(SubgraphSchema schema, List<CompositionError> errors)
    {
        Schema = schema;
        _errors = errors;
    }

    public SubgraphSchema Schema { get; }

    public void Error(string code, string message, string? element, SdlLocation location, string? hint = null) =>
        _errors.Add(new CompositionError(code, message, Schema.Name, element, location.Line == 0 ? null : location.Line, location.Line == 0 ? null : location.Column, hint));
}
