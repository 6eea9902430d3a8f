using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>Every key of an interface is also a key of each of its implementations in the subgraph.</summary>
internal sealed class InterfaceKeyNotOnImplementationRule : ISubgraphRule
{
    public const string Code = ErrorCodes.InterfaceKeyNotOnImplementation;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SubgraphRuleContext context)
    {
        var types = context.Schema.Types.Values;
        foreach (var iface in types.Where(t => t.Kind == TypeKind.Interface))
        {
            foreach (var key in iface.Keys)
            {
                foreach (var implementation in types)
                {
                    if (implementation.Kind == TypeKind.Object && implementation.Implements.Contains(iface.Name) && !implementation.Keys.Exists(k => Normalize(k.Fields) == Normalize(key.Fields)))
                    {
                        context.Error(Code, $"Key @key(fields: \"{key.Fields}\") on interface type \"{iface.Name}\" is missing on implementation type \"{implementation.Name}\".", implementation.Name, implementation.Location,
                            $"Add @key(fields: \"{key.Fields}\") to \"{implementation.Name}\".");
                    }
                }
            }
        }
    }

    private static string Normalize(string fields) => string.Join(' ', fields.Split([' ', '\n', '\t', ',', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
