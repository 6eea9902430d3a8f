using System.Text;
using FederatedGateway.Core.Composition.Merging;
using FederatedGateway.Core.Composition.Subgraphs;

namespace FederatedGateway.Core.Composition.Satisfiability;

internal sealed partial class SatisfiabilityCheck
{
    private static string Reasons(MergedType type, IReadOnlyList<Place> places, MergedField field)
    {
        var sb = new StringBuilder();
        var coordinate = $"{type.Name}.{field.Name}";
        var here = places.Select(p => p.Graph).Distinct().ToList();
        foreach (var graph in here)
        {
            if (graph.Field(type.Name, field.Name) is not { IsExternal: false })
            {
                sb.Append($"- from subgraph \"{graph.Name}\": cannot find field \"{coordinate}\".\n");
            }
        }

        var from = here.Count > 0 ? here[0].Name : "?";
        var owners = field.Sources.Where(s => !s.Field.IsExternal).Select(s => s.Graph).ToList();
        foreach (var owner in owners)
        {
            if (!here.Contains(owner))
            {
                var keys = owner.Type(type.Name)?.Keys.Where(k => k.IsResolvable).ToList() ?? new List<SubgraphKey>();
                sb.Append(keys.Count == 0
                    ? $"- from subgraph \"{from}\": cannot move to subgraph \"{owner.Name}\", which has field \"{coordinate}\", because type \"{type.Name}\" has no @key defined in subgraph \"{owner.Name}\".\n"
                    : $"- from subgraph \"{from}\": cannot move to subgraph \"{owner.Name}\" using @key(fields: \"{keys[0].Fields}\") of \"{type.Name}\", the key field(s) cannot be resolved from subgraph \"{from}\".\n");
            }
            else if (owner.Field(type.Name, field.Name) is { RequiresSelection: not null } requiring)
            {
                sb.Append($"- from subgraph \"{owner.Name}\": cannot satisfy @require conditions on field \"{coordinate}\" (@requires(fields: \"{requiring.Requires}\")).\n");
            }
        }

        if (owners.Count == 0)
        {
            sb.Append($"- no subgraph resolves field \"{coordinate}\".\n");
        }

        return sb.ToString();
    }
}
