using System.Text;
using FederatedGateway.Core.Composition;

namespace FederatedGateway.Testing.Composition;

/// <summary>
/// A large, valid federated graph for composition load: entities owned by one subgraph and extended by two
/// others (with @shareable names, @external + @requires), subgraph-local value types and enums, and root
/// fields in every subgraph. Deterministic for a given size.
/// </summary>
public static class SyntheticSubgraphs
{
    /// <param name="subgraphs">Number of subgraphs.</param>
    /// <param name="entities">Entity types, each defined in three subgraphs.</param>
    /// <param name="valueTypes">Value types, each defined in one subgraph.</param>
    public static IReadOnlyList<SubgraphSource> Create(int subgraphs, int entities, int valueTypes)
    {
        var builders = Enumerable.Range(0, subgraphs).Select(_ => new StringBuilder()).ToArray();
        foreach (var sb in builders)
        {
            sb.Append("extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\", \"@shareable\", \"@external\", \"@requires\"])\n");
        }

        for (var e = 0; e < entities; e++)
        {
            var owner = e % subgraphs;
            var next = (e + 1) % entities;
            builders[owner].Append($"type E{e} @key(fields: \"id\") {{\n  id: ID!\n  name: String! @shareable\n  weight: Int\n  next: E{next}\n}}\n");
            if (next % subgraphs != owner)
            {
                builders[owner].Append($"type E{next} @key(fields: \"id\", resolvable: false) {{\n  id: ID!\n}}\n");
            }

            var first = (e + 7) % subgraphs;
            var second = (e + 19) % subgraphs;
            if (first != owner)
            {
                builders[first].Append($"type E{e} @key(fields: \"id\") {{\n  id: ID!\n  name: String! @shareable\n  score{e}: Float\n}}\n");
            }

            if (second != owner && second != first)
            {
                builders[second].Append($"type E{e} @key(fields: \"id\") {{\n  id: ID!\n  weight: Int @external\n  shipping{e}: Int @requires(fields: \"weight\")\n  detail: V{e % valueTypes}\n}}\n");
            }
        }

        for (var v = 0; v < valueTypes; v++)
        {
            var home = ((v % entities) + 19) % subgraphs;
            builders[home].Append($"type V{v} {{\n  label: String\n  kind: K{v}\n}}\nenum K{v} {{\n  A\n  B\n}}\n");
        }

        for (var s = 0; s < subgraphs; s++)
        {
            var owned = Enumerable.Range(0, entities).Where(e => e % subgraphs == s).Take(3).ToList();
            builders[s].Append("type Query {\n");
            foreach (var e in owned)
            {
                builders[s].Append($"  e{e}(id: ID!): E{e}\n");
            }

            builders[s].Append($"  ping{s}: String\n}}\n");
        }

        return builders.Select((sb, i) => new SubgraphSource($"s{i:D2}", $"http://127.0.0.1:4000/s{i:D2}", sb.ToString())).ToList();
    }
}
