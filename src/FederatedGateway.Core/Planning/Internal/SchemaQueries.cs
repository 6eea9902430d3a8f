using System.Collections.Frozen;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>
/// Questions the planner asks of the schema about one subgraph. Immutable once built (what is worth precomputing is
/// computed in the constructor), so one instance serves every request planning at the same time.
/// </summary>
internal sealed class SchemaQueries
{
    private readonly FederatedSchema _schema;
    private readonly FrozenDictionary<(string Subgraph, string Type), IReadOnlyList<string>> _possibleIn;

    public SchemaQueries(FederatedSchema schema)
    {
        _schema = schema;
        var possibleIn = new Dictionary<(string, string), IReadOnlyList<string>>();
        foreach (var type in schema.Types.Values)
        {
            if (!type.IsAbstract)
            {
                continue;
            }

            foreach (var subgraph in schema.Subgraphs)
            {
                possibleIn[(subgraph.Name, type.Name)] = ComputePossibleTypesIn(subgraph.Name, type.Name);
            }
        }

        _possibleIn = possibleIn.ToFrozenDictionary();
    }

    public FederatedSchema Schema => _schema;

    public TypeMode ModeIn(string subgraph, string typeName)
    {
        var type = _schema.FindType(typeName);
        if (type is null || !type.Graphs.TryGetValue(subgraph, out var info))
        {
            return TypeMode.Absent;
        }

        if (type.Kind == TypeKind.Interface && info.IsInterfaceObject)
        {
            return TypeMode.InterfaceObject;
        }

        return type.IsAbstract ? TypeMode.Abstract : TypeMode.Object;
    }

    /// <summary>Object types the subgraph may return for an abstract type (as the subgraph declares it).</summary>
    public IReadOnlyList<string> PossibleTypesIn(string subgraph, string abstractType) =>
        _possibleIn.TryGetValue((subgraph, abstractType), out var known) ? known : ComputePossibleTypesIn(subgraph, abstractType);

    private List<string> ComputePossibleTypesIn(string subgraph, string abstractType)
    {
        var result = new List<string>();
        var type = _schema.GetType(abstractType);
        if (type.Kind == TypeKind.Union)
        {
            if (type.Graphs.TryGetValue(subgraph, out var info))
            {
                foreach (var member in type.UnionMembers)
                {
                    if (info.UnionMembers.Contains(member))
                    {
                        result.Add(member);
                    }
                }
            }
        }
        else
        {
            foreach (var candidate in _schema.PossibleTypes(abstractType))
            {
                var candidateType = _schema.GetType(candidate);
                if (candidateType.Graphs.TryGetValue(subgraph, out var info) && ImplementsIn(info, abstractType))
                {
                    result.Add(candidate);
                }
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private bool ImplementsIn(TypeInSubgraph info, string iface)
    {
        if (info.Implements.Contains(iface))
        {
            return true;
        }

        // Interfaces implementing interfaces: T implements J implements I.
        foreach (var direct in info.Implements)
        {
            var directType = _schema.FindType(direct);
            if (directType is not null && directType.Interfaces.Contains(iface))
            {
                return true;
            }
        }

        return false;
    }

    public static FieldInSubgraph? FieldIn(SchemaField field, string subgraph) =>
        field.Graphs.TryGetValue(subgraph, out var info) ? info : null;

    /// <summary>
    /// True when <paramref name="subgraph"/> resolves <paramref name="field"/> of <paramref name="parentType"/> by itself
    /// (no <c>@requires</c>), or a surrounding <c>@provides</c> supplies it.
    /// </summary>
    public bool CanResolve(string subgraph, SchemaType parentType, SchemaField field, SelectionSet? provided, out FieldSelection? providedField)
    {
        providedField = FindProvided(provided, parentType.Name, field.Name);
        if (providedField is not null)
        {
            return true;
        }

        if (!parentType.Graphs.TryGetValue(subgraph, out var typeInfo))
        {
            return false;
        }

        var info = FieldIn(field, subgraph);
        if (info is null || info.Requires is not null || info.UsedOverridden)
        {
            return false;
        }

        return !info.External;
    }

    /// <summary>Finds <paramref name="fieldName"/> in a provided selection, looking into fragments the type satisfies.</summary>
    public FieldSelection? FindProvided(SelectionSet? provided, string parentType, string fieldName)
    {
        if (provided is null)
        {
            return null;
        }

        foreach (var selection in provided.Selections)
        {
            switch (selection)
            {
                case FieldSelection f when f.Name == fieldName:
                    return f;
                case InlineFragmentSelection fragment when fragment.TypeCondition is null
                    || fragment.TypeCondition == parentType || _schema.Satisfies(parentType, fragment.TypeCondition):
                    var found = FindProvided(fragment.SelectionSet, parentType, fieldName);
                    if (found is not null)
                    {
                        return found;
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>True when the subgraph resolves the whole selection without leaving it.</summary>
    public bool CanResolveAll(string subgraph, string parentType, SelectionSet selection, SelectionSet? provided, int depth = 0)
    {
        if (depth > 16)
        {
            return false;
        }

        var type = _schema.GetType(parentType);
        foreach (var item in selection.Selections)
        {
            switch (item)
            {
                case FieldSelection { IsTypename: true }:
                    continue;
                case FieldSelection f:
                    var field = type.FindField(f.Name);
                    if (field is null || !CanResolve(subgraph, type, field, provided, out var providedField))
                    {
                        return false;
                    }

                    if (f.SelectionSet is not null && !type.IsAbstract
                        && !CanResolveAll(subgraph, field.Type.NamedType, f.SelectionSet, providedField?.SelectionSet ?? FieldIn(field, subgraph)?.ProvidesSelection, depth + 1))
                    {
                        return false;
                    }

                    break;
                case InlineFragmentSelection fragment:
                    var condition = fragment.TypeCondition ?? parentType;
                    if (condition == parentType || _schema.Satisfies(parentType, condition))
                    {
                        if (!CanResolveAll(subgraph, parentType, fragment.SelectionSet, provided, depth + 1))
                        {
                            return false;
                        }
                    }

                    break;
            }
        }

        return true;
    }

    /// <summary>A rough count of the fields a subgraph cannot resolve in a selection (fewer means fewer fetches).</summary>
    public int Cost(string subgraph, string parentType, SelectionSet? selection, SelectionSet? provided, int depth = 0)
    {
        if (selection is null || depth > 8)
        {
            return 0;
        }

        var type = _schema.GetType(parentType);
        var cost = 0;
        foreach (var item in selection.Selections)
        {
            switch (item)
            {
                case FieldSelection { IsTypename: true }:
                    break;
                case FieldSelection f:
                    var field = type.FindField(f.Name);
                    if (field is null)
                    {
                        break;
                    }

                    if (CanResolve(subgraph, type, field, provided, out var providedField))
                    {
                        cost += Cost(subgraph, field.Type.NamedType, f.SelectionSet, providedField?.SelectionSet ?? FieldIn(field, subgraph)?.ProvidesSelection, depth + 1);
                    }
                    else if (type.IsAbstract && ModeIn(subgraph, type.Name) == TypeMode.Abstract && PossibleTypesIn(subgraph, type.Name) is { Count: > 0 } possible)
                    {
                        // Planned per concrete type: count the most expensive one.
                        var single = new SelectionSet(type.Name, new Selection[] { f });
                        var worst = 0;
                        foreach (var concrete in possible)
                        {
                            worst = Math.Max(worst, Cost(subgraph, concrete, single, provided, depth + 1));
                        }

                        cost += worst;
                    }
                    else
                    {
                        cost += 1;
                    }

                    break;
                case InlineFragmentSelection fragment:
                    var condition = fragment.TypeCondition ?? parentType;
                    if (_schema.FindType(condition) is not null)
                    {
                        cost += Cost(subgraph, condition, fragment.SelectionSet, provided, depth + 1);
                    }

                    break;
            }
        }

        return cost;
    }
}
