using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Rules.Supergraph;

/// <summary>A subgraph that resolves an interface's key defines all the supergraph implementations of that interface.</summary>
internal sealed class InterfaceKeyMissingImplementationTypeRule : ISupergraphRule
{
    public const string Code = ErrorCodes.InterfaceKeyMissingImplementationType;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SupergraphRuleContext context)
    {
        var types = context.Schema.Types.Values;
        foreach (var iface in types.Where(t => t.Kind == TypeKind.Interface))
        {
            var implementations = types.Where(t => t.Kind == TypeKind.Object && t.Implements.Contains(iface.Name)).ToList();
            foreach (var (graph, source) in iface.Sources)
            {
                var key = source.Keys.Find(k => k.IsResolvable);
                if (source.IsInterfaceObject || key is null)
                {
                    continue;
                }

                var missing = implementations.Where(t => !graph.Types.TryGetValue(t.Name, out var o) || !o.Implements.Contains(iface.Name)).ToList();
                if (missing.Count > 0)
                {
                    context.Error(Code,
                        $"Interface type \"{iface.Name}\" has a resolvable key (@key(fields: \"{key.Fields}\")) in subgraph \"{graph.Name}\" but that subgraph is missing some of the supergraph implementation types of \"{iface.Name}\". Subgraph \"{graph.Name}\" should define type{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"\"{m.Name}\""))} (and have {(missing.Count > 1 ? "them" : "it")} implement \"{iface.Name}\").",
                        graph, iface.Name, source.Location, "An entity interface must be defined with all its implementations in the subgraphs that resolve its key.");
                }
            }
        }
    }
}
