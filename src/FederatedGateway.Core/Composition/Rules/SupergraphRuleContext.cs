using FederatedGateway.Core.Composition.Merging;
using FederatedGateway.Core.Composition.Subgraphs;

namespace FederatedGateway.Core.Composition.Rules;

/// <summary>What a supergraph rule sees: the merged model, and where its errors go.</summary>
internal sealed class SupergraphRuleContext
{
    private readonly List<CompositionError> _errors;

    public SupergraphRuleContext(MergedSchema schema, List<CompositionError> errors)
    {
        Schema = schema;
        _errors = errors;
    }

    public MergedSchema Schema { get; }

    public void Error(string code, string message, SubgraphSchema? graph, string? element, SdlLocation location, string? hint = null) =>
        _errors.Add(new CompositionError(code, message, graph?.Name, element, location.Line == 0 ? null : location.Line, location.Line == 0 ? null : location.Column, hint));

    /// <summary><c>subgraph "a"</c> or <c>subgraphs "a", "b" and "c"</c>, as Apollo's messages name them.</summary>
    public static string Names(IEnumerable<SubgraphSchema> graphs)
    {
        var names = graphs.Select(g => $"\"{g.Name}\"").Distinct().ToList();
        return names.Count == 1 ? $"subgraph {names[0]}" : $"subgraphs {string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
    }
}
