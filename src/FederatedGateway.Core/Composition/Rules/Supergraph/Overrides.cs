using FederatedGateway.Core.Composition.Merging;
using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Rules.Supergraph;

/// <summary>Every @override of the merged object and interface fields, for the rules that check them.</summary>
internal static class Overrides
{
    public static IEnumerable<(string Coordinate, SubgraphSchema Graph, SubgraphField Field, MergedField Merged)> All(MergedSchema schema)
    {
        foreach (var type in schema.Types.Values)
        {
            if (type.Kind is not (TypeKind.Object or TypeKind.Interface))
            {
                continue;
            }

            foreach (var merged in type.Fields)
            {
                foreach (var (graph, field) in merged.Sources)
                {
                    if (field.OverrideFrom is not null)
                    {
                        yield return ($"{type.Name}.{merged.Name}", graph, field, merged);
                    }
                }
            }
        }
    }
}
