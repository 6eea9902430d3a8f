using FederatedGateway.Core.Composition.Merging;
using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Satisfiability;

internal sealed partial class SatisfiabilityCheck
{
    private readonly HashSet<(string, string)> _reachInProgress = new();

    /// <summary>The places among <paramref name="places"/> that resolve <paramref name="fieldName"/> (requirements included).</summary>
    private List<Place> Resolvers(MergedType type, IReadOnlyList<Place> places, string fieldName, HashSet<string> inProgress)
    {
        var result = new List<Place>();
        if (!inProgress.Add(type.Name + "." + fieldName))
        {
            return result;
        }

        foreach (var place in places)
        {
            var field = place.Graph.Field(place.LocalType, fieldName);
            if (field is not null && (!field.IsExternal || IsProvided(place, fieldName)) && !IsOverriddenAway(place, fieldName)
                && (field.RequiresSelection is null || ConditionSatisfied(type.Name, places, field.RequiresSelection, inProgress)))
            {
                result.Add(place);
            }
        }

        if (result.Count == 0 && type.Kind == TypeKind.Interface)
        {
            var possible = PossibleTypes(type, places).ToList();
            var interfacePlaces = places.Where(p => p.Graph.Type(p.LocalType) is { IsInterfaceObject: false, Kind: TypeKind.Interface }).ToList();
            if (interfacePlaces.Count > 0 && possible.All(p => _schema.Type(p.Name) is { } o && Resolvers(o, Closure(p.Name, p.Places), fieldName, inProgress).Count > 0))
            {
                result.AddRange(interfacePlaces);
            }
        }

        inProgress.Remove(type.Name + "." + fieldName);
        return result;
    }

    private static bool IsProvided(Place place, string fieldName) =>
        place.Provided is not null && place.Provided.Items.Any(i => i.Name == fieldName);

    private static List<Place> ChildPlaces(List<Place> resolvers, string fieldName)
    {
        var places = new List<Place>();
        foreach (var place in resolvers)
        {
            if (place.Graph.Field(place.LocalType, fieldName) is not { } local)
            {
                continue;
            }

            var provided = place.Graph.Field(place.LocalType, fieldName)!.ProvidesSelection
                ?? place.Provided?.Items.FirstOrDefault(i => i.Name == fieldName)?.Children;
            places.Add(new Place(place.Graph, local.Type.NamedType, provided));
        }

        return places;
    }

    private bool IsOverriddenAway(Place place, string fieldName)
    {
        var field = _schema.Type(place.LocalType)?.Field(fieldName);
        if (field is null || !field.PrintJoins)
        {
            return false;
        }

        var join = field.Joins.Find(j => ReferenceEquals(j.Graph, place.Graph));
        return join is null || join.UsedOverridden;
    }

    /// <summary>True when every field of <paramref name="set"/> can be fetched for the object held at <paramref name="places"/>.</summary>
    private bool ConditionSatisfied(string typeName, IReadOnlyList<Place> places, FieldSet set, HashSet<string> inProgress)
    {
        var type = _schema.Type(typeName);
        if (type is null)
        {
            return false;
        }

        foreach (var item in set.Items)
        {
            if (item.Name is null)
            {
                if (item.Children is not null && (item.TypeCondition is null || item.TypeCondition == typeName) && !ConditionSatisfied(typeName, places, item.Children, inProgress))
                {
                    return false;
                }

                continue;
            }

            if (item.Name == "__typename")
            {
                continue;
            }

            var resolvers = Resolvers(type, places, item.Name, inProgress);
            if (resolvers.Count == 0)
            {
                return false;
            }

            var childType = type.Field(item.Name)?.Type.NamedType;
            if (item.Children is not null && childType is not null && !ConditionSatisfied(childType, Closure(childType, ChildPlaces(resolvers, item.Name)), item.Children, inProgress))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Widens <paramref name="places"/> with every place reachable through resolvable keys.</summary>
    private List<Place> Closure(string typeName, IEnumerable<Place> places)
    {
        var result = new List<Place>();
        foreach (var place in places)
        {
            if (!_closures.TryGetValue((typeName, place), out var reached))
            {
                reached = Reach(typeName, place);
            }

            foreach (var p in reached)
            {
                if (!result.Contains(p))
                {
                    result.Add(p);
                }
            }
        }

        result.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return result;
    }

    private List<Place> Reach(string typeName, Place start)
    {
        var reached = new List<Place> { start };
        if (!_reachInProgress.Add((typeName, start.Key)))
        {
            return reached;
        }

        var interfaces = _schema.Type(typeName)?.Implements ?? new List<string>();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var target in _schema.Subgraphs)
            {
                changed |= TryJump(reached, target, typeName);
                foreach (var iface in interfaces)
                {
                    if (target.Type(iface) is { IsInterfaceObject: true })
                    {
                        changed |= TryJump(reached, target, iface);
                    }
                }
            }
        }

        _reachInProgress.Remove((typeName, start.Key));
        _closures[(typeName, start)] = reached;
        return reached;
    }

    private bool TryJump(List<Place> reached, SubgraphSchema target, string targetType)
    {
        var destination = target.Type(targetType);
        var place = new Place(target, targetType);
        if (destination is null || reached.Exists(p => p.Graph == target && p.LocalType == targetType))
        {
            return false;
        }

        foreach (var key in destination.Keys)
        {
            if (!key.IsResolvable)
            {
                continue;
            }

            foreach (var from in reached.ToList())
            {
                if (HasExternalKeyFields(from, key.Selection) || ConditionSatisfied(from.LocalType, reached.Where(r => r.LocalType == from.LocalType).ToList(), key.Selection, new HashSet<string>(StringComparer.Ordinal)))
                {
                    reached.Add(place);
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A subgraph that declares a key's fields @external still holds them: they travel in the entity's representation.</summary>
    private static bool HasExternalKeyFields(Place from, FieldSet key)
    {
        var type = from.Graph.Type(from.LocalType);
        if (type is null || type.Keys.Count == 0)
        {
            return false;
        }

        foreach (var item in key.Items)
        {
            if (item.Name is null || item.Children is not null || type.Field(item.Name) is null || !type.Keys.Exists(k => k.Selection.Items.Any(i => i.Name == item.Name)))
            {
                return false;
            }
        }

        return true;
    }
}
