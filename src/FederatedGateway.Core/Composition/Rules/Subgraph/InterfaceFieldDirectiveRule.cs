using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>Base of the rules that forbid one directive on interface fields: each names the directive and its message.</summary>
internal abstract class InterfaceFieldDirectiveRule : ISubgraphRule
{
    public abstract IReadOnlyList<string> Codes { get; }

    public void Validate(SubgraphRuleContext context)
    {
        foreach (var type in context.Schema.Types.Values.Where(t => t.Kind == TypeKind.Interface))
        {
            foreach (var field in type.Fields.Where(Applies))
            {
                var coordinate = $"{type.Name}.{field.Name}";
                context.Error(Codes[0], Message(coordinate, context.Schema), coordinate, field.Location, Hint);
            }
        }
    }

    protected abstract string Hint { get; }

    protected abstract bool Applies(SubgraphField field);

    protected abstract string Message(string coordinate, SubgraphSchema schema);
}
