using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>
/// The ways from one subgraph into another through an entity key (<see cref="EntityOption"/>), and which of them a
/// jump takes. Stateless over one supergraph.
/// </summary>
internal sealed class EntityJumps
{
    private readonly SchemaQueries _q;
    private readonly FederatedSchema _schema;

    public EntityJumps(SchemaQueries queries)
    {
        _q = queries;
        _schema = queries.Schema;
    }

    /// <summary>
    /// The option for reaching <paramref name="field"/> from <paramref name="group"/>: the key its subgraph already
    /// has first, then a subgraph the group already jumps to at this path, then the cheapest, then by name and key order.
    /// </summary>
    public EntityOption? Best(FetchGroup group, SchemaType parentType, SchemaField field, FieldSelection selection, List<PathSegment> path)
    {
        EntityOption? best = null;
        (int, int, int, string, int) bestScore = default;
        var pathKey = new MergePathKey(PlanPaths.TrimTypeFilters(path));
        foreach (var option in For(group.Subgraph, parentType, field))
        {
            var keyLocal = _q.CanResolveAll(group.Subgraph, parentType.Name, option.Key.Selection, null) ? 0 : 1;
            var existing = group.Children.Exists(c => c.Subgraph == option.Subgraph && c.PathKey == pathKey) ? 0 : 1;
            var cost = _q.Cost(option.Subgraph, option.EntityType, new SelectionSet(option.EntityType, new Selection[] { selection }), null);
            var score = (keyLocal, existing, cost, option.Subgraph, option.KeyIndex);
            if (best is null || Compare(score, bestScore) < 0)
            {
                best = option;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>
    /// A subgraph with the real interface that <paramref name="current"/> (where it is an <c>@interfaceObject</c>)
    /// can reach through a key: only the key is needed to learn the concrete type, so the option stands for no field
    /// and no field's <c>@requires</c> comes with it.
    /// </summary>
    public EntityOption? ToResolveType(string current, SchemaType interfaceType)
    {
        foreach (var (subgraph, info) in interfaceType.Graphs.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (info.IsInterfaceObject || subgraph == current)
            {
                continue;
            }

            foreach (var key in info.Keys)
            {
                if (key.Resolvable && _q.CanResolveAll(current, interfaceType.Name, key.Selection, null))
                {
                    return new EntityOption(subgraph, interfaceType.Name, interfaceType.Name, key, Field: null);
                }
            }
        }

        return null;
    }

    /// <summary>Every (subgraph, entity type, key) through which <paramref name="field"/> can be fetched from <paramref name="current"/>.</summary>
    public IEnumerable<EntityOption> For(string current, SchemaType parentType, SchemaField field)
    {
        foreach (var (subgraph, info) in field.Graphs)
        {
            if (!info.IsResolvable || (subgraph == current && info.Requires is null))
            {
                continue;
            }

            if (parentType.Graphs.TryGetValue(subgraph, out var candidate) && KeysNeed(candidate, field.Name))
            {
                // Fetching a key field through a key that contains it goes round in circles.
                continue;
            }

            if (parentType.Graphs.TryGetValue(subgraph, out var typeInfo))
            {
                var representation = parentType.Kind == TypeKind.Interface ? parentType.Name : null;
                for (var i = 0; i < typeInfo.Keys.Length; i++)
                {
                    if (typeInfo.Keys[i].Resolvable)
                    {
                        yield return new EntityOption(subgraph, parentType.Name, representation, typeInfo.Keys[i], field) { KeyIndex = i };
                    }
                }
            }
        }

        // Fields an @interfaceObject adds to the interfaces this object implements, also from the subgraph the object is
        // in: there it is its own entity type, which does not have the field.
        foreach (var iface in parentType.Interfaces)
        {
            var ifaceType = _schema.FindType(iface);
            var ifaceField = ifaceType?.FindField(field.Name);
            if (ifaceType is null || ifaceField is null)
            {
                continue;
            }

            foreach (var (subgraph, typeInfo) in ifaceType.Graphs)
            {
                var info = SchemaQueries.FieldIn(ifaceField, subgraph);
                if (!typeInfo.IsInterfaceObject || info is null || !info.IsResolvable)
                {
                    continue;
                }

                for (var i = 0; i < typeInfo.Keys.Length; i++)
                {
                    if (typeInfo.Keys[i].Resolvable)
                    {
                        yield return new EntityOption(subgraph, iface, iface, typeInfo.Keys[i], ifaceField) { KeyIndex = i };
                    }
                }
            }
        }
    }

    private static bool KeysNeed(TypeInSubgraph typeInfo, string fieldName)
    {
        foreach (var key in typeInfo.Keys)
        {
            if (!key.Resolvable)
            {
                continue;
            }

            var needs = false;
            foreach (var selection in key.Selection.Selections)
            {
                needs |= selection is FieldSelection f && f.Name == fieldName;
            }

            if (!needs)
            {
                return false;
            }
        }

        return typeInfo.Keys.Length > 0;
    }

    private static int Compare((int, int, int, string, int) a, (int, int, int, string, int) b)
    {
        var c = a.Item1.CompareTo(b.Item1);
        if (c == 0) c = a.Item2.CompareTo(b.Item2);
        if (c == 0) c = a.Item3.CompareTo(b.Item3);
        if (c == 0) c = string.CompareOrdinal(a.Item4, b.Item4);
        if (c == 0) c = a.Item5.CompareTo(b.Item5);
        return c;
    }
}
