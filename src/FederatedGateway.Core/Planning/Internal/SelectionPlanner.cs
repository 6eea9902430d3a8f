using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>
/// The planner's first stage: walks the client's selection and assigns every field to a fetch group, kept in the
/// current subgraph when it can resolve it, otherwise reached through an entity jump (<c>@key</c>, chosen by
/// <see cref="EntityJumps"/>) to a subgraph that can. The keys and <c>@requires</c> a jump needs are planned into the
/// groups they come from at the same time (<see cref="PrepareEntityGroup"/>), and each group records the groups it
/// depends on. One instance plans one operation.
/// </summary>
internal sealed class SelectionPlanner
{
    private const int MaxDepth = 64;
    private static readonly IReadOnlyList<InclusionCondition> NoConditions = Array.Empty<InclusionCondition>();
    private static readonly FieldSelection Typename = new("__typename", null, null, null, null, NoConditions);

    private readonly SchemaQueries _q;
    private readonly FederatedSchema _schema;
    private readonly EntityJumps _jumps;
    private readonly string _rootType;
    private readonly PlannerAliases _aliases;
    private readonly CancellationToken _cancellation;
    private readonly List<Crumb> _crumbs = new();

    // > 0 while planning under a field or fragment with @skip/@include: entity fetches made there get their own
    // group, so what they need (keys, requires) never decides whether an unconditional sibling's objects are sent.
    private readonly List<IReadOnlyList<InclusionCondition>> _conditionScopes = new();

    // Null while planning the client's selection. While the key and @requires fields of an entity fetch are planned
    // (PrepareEntityGroup), it collects every other fetch group those fields went into (entity groups jumped to, root
    // groups re-entered), so the entity fetch is made to depend on all of them.
    private List<FetchGroup>? _requirementSources;

    private int _depth;
    private int _steps;

    public SelectionPlanner(SchemaQueries queries, string rootType, PlannerAliases aliases, int maxSteps, CancellationToken cancellation)
    {
        _aliases = aliases;
        _q = queries;
        _schema = queries.Schema;
        _jumps = new EntityJumps(queries);
        _rootType = rootType;
        MaxSteps = maxSteps;
        _cancellation = cancellation;
    }

    public int MaxSteps { get; }

    public List<FetchGroup> Groups { get; } = new();

    /// <summary>Returns the root fetch group of a subgraph for a query (null when re-fetching a root field is not allowed).</summary>
    public Func<string, FetchGroup>? RootGroupFor { get; set; }

    private ConditionScope CurrentConditionScope => ConditionScope.Of(_conditionScopes);

    public FetchGroup NewRootGroup(string subgraph)
    {
        var group = new FetchGroup(Groups.Count, subgraph, Array.Empty<PathSegment>(), false, _rootType, null);
        Groups.Add(group);
        return group;
    }

    /// <summary>Plans <paramref name="selections"/> into the position's target.</summary>
    public void PlanSelections(in PlanPosition at, SelectionSet selections)
    {
        Step();
        if (++_depth > MaxDepth)
        {
            throw new PlanningException("The operation is nested too deeply to plan.");
        }

        try
        {
            if (_q.ModeIn(at.Subgraph, at.ParentType) == TypeMode.Abstract)
            {
                PlanAbstract(at, selections);
            }
            else
            {
                PlanObject(at, selections);
            }
        }
        finally
        {
            _depth--;
        }
    }

    private void Step()
    {
        if (++_steps > MaxSteps)
        {
            throw new PlanningException($"Planning exceeded its budget of {MaxSteps} steps.");
        }

        if ((_steps & 255) == 0)
        {
            _cancellation.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Marks what is planned until the scope is disposed as conditional on <paramref name="conditions"/> (nothing when empty).</summary>
    private ConditionsEntered EnterConditions(IReadOnlyList<InclusionCondition> conditions)
    {
        if (conditions.Count == 0)
        {
            return default;
        }

        _conditionScopes.Add(conditions);
        return new ConditionsEntered(_conditionScopes);
    }

    private readonly struct ConditionsEntered(List<IReadOnlyList<InclusionCondition>>? scopes) : IDisposable
    {
        public void Dispose() => scopes?.RemoveAt(scopes.Count - 1);
    }

    private void PlanObject(in PlanPosition at, SelectionSet selections)
    {
        var type = _schema.GetType(at.ParentType);
        var mode = _q.ModeIn(at.Subgraph, at.ParentType);
        foreach (var selection in selections.Selections)
        {
            switch (selection)
            {
                case FieldSelection { IsTypename: true } typename:
                    if (mode == TypeMode.InterfaceObject)
                    {
                        JumpToResolveType(at, new SelectionSet(at.ParentType, new Selection[] { typename }));
                    }
                    else
                    {
                        // The projection needs the runtime type where the API type is abstract but this subgraph's is not.
                        at.Target.AddTypename();
                    }

                    break;
                case FieldSelection { Name: "__schema" or "__type" }:
                    break;
                case FieldSelection f:
                    {
                        var field = type.FindField(f.Name)
                            ?? throw new PlanningException($"Cannot query field \"{f.Name}\" on type \"{at.ParentType}\".");
                        if (_q.CanResolve(at.Subgraph, type, field, at.Provided, out var providedField)
                            || IsEchoedKeyField(at, type, field))
                        {
                            AddField(at, field, f, providedField?.SelectionSet);
                        }
                        else
                        {
                            Jump(at, type, field, f);
                        }

                        break;
                    }

                case InlineFragmentSelection fragment:
                    {
                        var condition = fragment.TypeCondition ?? at.ParentType;
                        if (condition == at.ParentType || _schema.Satisfies(at.ParentType, condition))
                        {
                            var inner = fragment.Conditions.Count > 0 ? at.Target.AddFragment(null, fragment.Conditions).SelectionSet : at.Target;
                            using (EnterConditions(fragment.Conditions))
                            {
                                PlanObject(at.Into(inner), fragment.SelectionSet);
                            }
                        }
                        else if (mode == TypeMode.InterfaceObject && Overlaps(at.ParentType, condition))
                        {
                            JumpToResolveType(at, new SelectionSet(at.ParentType, new Selection[] { fragment }));
                        }

                        break;
                    }
            }
        }
    }

    private bool Overlaps(string a, string b)
    {
        foreach (var t in _schema.PossibleTypes(a))
        {
            if (_schema.Satisfies(t, b))
            {
                return true;
            }
        }

        return false;
    }

    private void PlanAbstract(in PlanPosition at, SelectionSet selections)
    {
        at.Target.AddTypename();
        var abstractType = at.ParentType;
        var type = _schema.GetType(abstractType);
        var possible = RestrictToCandidates(at.Group, abstractType, _q.PossibleTypesIn(at.Subgraph, abstractType));
        foreach (var selection in selections.Selections)
        {
            switch (selection)
            {
                case FieldSelection { IsTypename: true }:
                    break;
                case FieldSelection f:
                    {
                        var field = type.FindField(f.Name)
                            ?? throw new PlanningException($"Cannot query field \"{f.Name}\" on type \"{abstractType}\".");
                        if (ResolvableOnInterface(at.Subgraph, type, field, possible, at.Provided, out var providedField))
                        {
                            AddField(at, field, f, providedField?.SelectionSet);
                            break;
                        }

                        if (possible.Count == 0)
                        {
                            throw new PlanningException(
                                $"Cannot plan field \"{abstractType}.{f.Name}\": subgraph \"{at.Subgraph}\" does not resolve it and knows no type implementing \"{abstractType}\".");
                        }

                        var single = new SelectionSet(abstractType, new Selection[] { f });
                        foreach (var concrete in possible)
                        {
                            var fragment = at.Target.AddFragment(concrete, NoConditions);
                            PlanObject(at.AsConcrete(fragment.SelectionSet, concrete), single);
                        }

                        break;
                    }

                case InlineFragmentSelection fragment:
                    {
                        var condition = fragment.TypeCondition ?? abstractType;
                        if (condition == abstractType)
                        {
                            var inner = fragment.Conditions.Count > 0 ? at.Target.AddFragment(null, fragment.Conditions).SelectionSet : at.Target;
                            using (EnterConditions(fragment.Conditions))
                            {
                                PlanAbstract(at.Into(inner), fragment.SelectionSet);
                            }

                            break;
                        }

                        foreach (var concrete in possible)
                        {
                            if (!_schema.Satisfies(concrete, condition))
                            {
                                continue;
                            }

                            var inner = at.Target.AddFragment(concrete, fragment.Conditions);
                            using (EnterConditions(fragment.Conditions))
                            {
                                PlanObject(at.AsConcrete(inner.SelectionSet, concrete), fragment.SelectionSet);
                            }
                        }

                        break;
                    }
            }
        }
    }

    /// <summary>
    /// Where the path down to this abstract field could equally be resolved by other subgraphs from the nearest
    /// entity (every field on the way shareable there, the entity keyed there), only the member types all those
    /// subgraphs know are safe to ask for.
    /// </summary>
    private IReadOnlyList<string> RestrictToCandidates(FetchGroup group, string abstractType, IReadOnlyList<string> possible)
    {
        if (_crumbs.Count == 0 || possible.Count == 0)
        {
            return possible;
        }

        List<string>? restricted = null;
        foreach (var other in _schema.Subgraphs)
        {
            if (other.Name == group.Subgraph || _q.ModeIn(other.Name, abstractType) != TypeMode.Abstract || !ReachesSamePathFromEntity(group, other.Name))
            {
                continue;
            }

            var theirs = _q.PossibleTypesIn(other.Name, abstractType);
            restricted ??= new List<string>(possible);
            restricted.RemoveAll(t => !theirs.Contains(t));
        }

        return restricted ?? possible;
    }

    private bool ReachesSamePathFromEntity(FetchGroup group, string subgraph)
    {
        // Only the fields this fetch resolves count: above them the objects came from another fetch.
        for (var k = _crumbs.Count - 1; k >= 0 && _crumbs[k].At.Group == group; k--)
        {
            var crumb = _crumbs[k];
            var info = SchemaQueries.FieldIn(crumb.Field, subgraph);
            if (info is null || !info.IsResolvable || info.Requires is not null)
            {
                return false;
            }

            if (crumb.ParentType.Graphs.TryGetValue(subgraph, out var typeInfo) && typeInfo.HasResolvableKey)
            {
                return true;
            }
        }

        return false;
    }

    private bool ResolvableOnInterface(string subgraph, SchemaType type, SchemaField field, IReadOnlyList<string> possible, SelectionSet? provided, out FieldSelection? providedField)
    {
        providedField = null;
        if (type.Kind != TypeKind.Interface || !_q.CanResolve(subgraph, type, field, provided, out providedField))
        {
            return false;
        }

        foreach (var concrete in possible)
        {
            var concreteType = _schema.GetType(concrete);
            var concreteField = concreteType.FindField(field.Name);
            if (concreteField is null || !_q.CanResolve(subgraph, concreteType, concreteField, provided, out _))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// At the root of an entity fetch the subgraph answers the key fields it was sent, even when it declares
    /// them <c>@external</c>.
    /// </summary>
    private static bool IsEchoedKeyField(in PlanPosition at, SchemaType type, SchemaField field)
    {
        var group = at.Group;
        if (!group.IsEntity || new MergePathKey(PlanPaths.TrimTypeFilters(at.Path)) != new MergePathKey(PlanPaths.TrimTypeFilters(group.MergePath.ToList()))
            || !type.Graphs.TryGetValue(group.Subgraph, out var typeInfo) || !group.Requirements.ContainsKey(type.Name))
        {
            return false;
        }

        foreach (var key in typeInfo.Keys)
        {
            foreach (var selection in key.Selection.Selections)
            {
                if (selection is FieldSelection { SelectionSet: null } f && f.Name == field.Name)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Adds a field the group's subgraph resolves, and plans its sub-selection.</summary>
    /// <param name="providedSub">What the field's own <c>@provides</c> (or the parent's) lets the subgraph return below it.</param>
    private void AddField(in PlanPosition at, SchemaField field, FieldSelection selection, SelectionSet? providedSub)
    {
        // The subgraph may declare a narrower type than the supergraph (join__field(type:)); plan against its own.
        var declared = SchemaQueries.FieldIn(field, at.Subgraph)?.Type;
        var named = _schema.GetType(declared is null ? field.Type.NamedType : NamedTypeOf(declared));
        var fetchField = at.Target.AddField(selection.Name, selection.Alias, selection.Arguments, selection.Conditions, named.IsComposite ? named.Name : null, declared ?? field.Type.ToString());
        fetchField.FromClient |= !_aliases.IsPlannerField(selection);
        if (!named.IsComposite || selection.SelectionSet is null)
        {
            return;
        }

        var childPath = PlanPaths.With(at.Path, PathSegment.Field(selection.ResponseName));
        for (var t = field.Type; t.Name is null; t = t.OfType!)
        {
            if (t.IsList)
            {
                childPath.Add(PathSegment.List);
            }
        }

        var provided = providedSub ?? SchemaQueries.FieldIn(field, at.Subgraph)?.ProvidesSelection;
        _crumbs.Add(new Crumb(at, _schema.GetType(field.ParentType), field, selection));
        try
        {
            using (EnterConditions(selection.Conditions))
            {
                PlanSelections(new PlanPosition(at.Group, fetchField.SelectionSet!, named.Name, childPath, provided), selection.SelectionSet);
            }
        }
        finally
        {
            _crumbs.RemoveAt(_crumbs.Count - 1);
        }
    }

    /// <summary>Reaches <paramref name="field"/> through an entity fetch to a subgraph that resolves it.</summary>
    private void Jump(in PlanPosition at, SchemaType parentType, SchemaField field, FieldSelection selection)
    {
        Step();
        if (++_depth > MaxDepth)
        {
            throw new PlanningException($"Cannot plan field \"{parentType.Name}.{field.Name}\": the entity jumps needed nest too deeply.");
        }

        try
        {
            var option = _jumps.Best(at.Group, parentType, field, selection, at.Path);
            if (option is null)
            {
                if (ReenterThroughAncestor(selection))
                {
                    return;
                }

                throw new PlanningException(
                    $"Cannot plan field \"{parentType.Name}.{field.Name}\": no subgraph can resolve it from \"{at.Subgraph}\" through a key.");
            }

            var child = PrepareEntityGroup(at, parentType, option);
            var fragment = child.Selection.AddFragment(option.EntityType, NoConditions);
            var inChild = new PlanPosition(child, fragment.SelectionSet, option.EntityType, at.Path, null);
            var optionField = option.Field ?? field;
            if (SchemaQueries.FieldIn(optionField, option.Subgraph)?.Requires is not null)
            {
                AddField(inChild, optionField, selection, null);
            }
            else
            {
                PlanSelections(inChild, new SelectionSet(option.EntityType, new Selection[] { selection }));
            }
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>
    /// A field of a value type (no key) that the current subgraph cannot resolve: fetch the chain of fields that
    /// led here again, from the nearest ancestor a subgraph that resolves the whole chain can be entered at
    /// (an entity it has a key for, or the query root).
    /// </summary>
    private bool ReenterThroughAncestor(FieldSelection selection)
    {
        // The chain is tested with the field's own sub-selection cut down to __typename: what lies below it may
        // jump again from wherever the chain is re-entered.
        Selection inner = selection;
        Selection stub = selection.SelectionSet is null
            ? selection
            : new FieldSelection(selection.Name, selection.Alias, selection.Arguments, selection.Definition,
                new SelectionSet(selection.SelectionSet.ParentType, new Selection[] { Typename }), selection.Conditions);
        for (var k = _crumbs.Count - 1; k >= 0; k--)
        {
            var crumb = _crumbs[k];
            var synthetic = Wrap(crumb, inner);
            var stubChain = new SelectionSet(crumb.ParentType.Name, new Selection[] { Wrap(crumb, stub) });
            var chain = new SelectionSet(crumb.ParentType.Name, new Selection[] { synthetic });
            if (crumb.At.Path.Count == 0 && !crumb.At.Group.IsEntity && RootGroupFor is not null)
            {
                if (CheapestRootFor(crumb, stubChain, chain) is { } best)
                {
                    var root = RootGroupFor(best);
                    PlanSelections(PlanPosition.RootOf(root, crumb.ParentType.Name, new List<PathSegment>()), chain);
                    _requirementSources?.Add(root);
                    return true;
                }
            }
            else
            {
                foreach (var option in _jumps.For(crumb.At.Subgraph, crumb.ParentType, crumb.Field).OrderBy(o => o.Subgraph, StringComparer.Ordinal))
                {
                    if (_q.Cost(option.Subgraph, option.EntityType, stubChain, null) == 0)
                    {
                        Jump(crumb.At, crumb.ParentType, crumb.Field, synthetic);
                        return true;
                    }
                }
            }

            inner = synthetic;
            stub = Wrap(crumb, stub);
        }

        return false;
    }

    /// <summary>Another subgraph whose root resolves the whole chain (its stub at no cost), the cheapest for the full chain.</summary>
    private string? CheapestRootFor(Crumb crumb, SelectionSet stubChain, SelectionSet chain)
    {
        string? best = null;
        var bestCost = int.MaxValue;
        foreach (var (subgraph, info) in crumb.Field.Graphs.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (subgraph == crumb.At.Subgraph || !info.IsResolvable || info.Requires is not null
                || _q.Cost(subgraph, crumb.ParentType.Name, stubChain, null) != 0)
            {
                continue;
            }

            var cost = _q.Cost(subgraph, crumb.ParentType.Name, chain, null);
            if (cost < bestCost)
            {
                best = subgraph;
                bestCost = cost;
            }
        }

        return best;
    }

    private static FieldSelection Wrap(Crumb crumb, Selection inner) =>
        new(crumb.Selection.Name, crumb.Selection.Alias, crumb.Selection.Arguments, crumb.Field,
            new SelectionSet(crumb.Field.Type.NamedType, new[] { inner }), crumb.Selection.Conditions, crumb.Selection.Location, crumb.Selection.Syntax);

    /// <summary>An object known only as an <c>@interfaceObject</c> here: ask a subgraph that has the real interface.</summary>
    private void JumpToResolveType(in PlanPosition at, SelectionSet selections)
    {
        var type = _schema.GetType(at.ParentType);
        var option = _jumps.ToResolveType(at.Subgraph, type)
            ?? throw new PlanningException($"Cannot resolve the concrete type of \"{at.ParentType}\" from \"{at.Subgraph}\".");
        var child = PrepareEntityGroup(at with { Provided = null }, type, option);
        var fragment = child.Selection.AddFragment(at.ParentType, NoConditions);
        PlanSelections(new PlanPosition(child, fragment.SelectionSet, at.ParentType, at.Path, null), selections);
    }

    /// <summary>
    /// The entity group <paramref name="option"/> jumps to from <paramref name="at"/> (an existing one where it can be
    /// shared), with its representation's key and <c>@requires</c> fields planned into <paramref name="at"/>'s group,
    /// and its dependencies recorded: the group it jumps from and every group those fields needed.
    /// </summary>
    private FetchGroup PrepareEntityGroup(in PlanPosition at, SchemaType parentType, EntityOption option)
    {
        // Keys and requirements go where they are always fetched, not into a skipped fragment the field sat in.
        var source = at.Into(at.Target.Unconditional());
        source.Target.AddTypename();
        var key = _aliases.Apply(option.Key.Selection)!;
        var requires = option.Field is null ? null : _aliases.Apply(SchemaQueries.FieldIn(option.Field, option.Subgraph)?.RequiresSelection);
        // A requirement selects objects by its entity type; one for an @interfaceObject selects every implementation,
        // so the object type this jump was planned for stays in the path (else the fetch would also answer, as the
        // interface, for objects of other types: their resolved __typename overwritten by the interface's name).
        var keepTypeFilters = option.RepresentationTypename is not null && parentType.Kind == TypeKind.Object;
        var child = GetOrCreateChild(at.Group, option.Subgraph, at.Path, keepTypeFilters, existing =>
            (!existing.Requirements.TryGetValue(option.EntityType, out var current) || PlannerAliases.Compatible(current.Fields, requires))
            && !NeedsOtherRepresentation(existing, option.EntityType));
        var requirement = child.RequirementFor(option.EntityType, option.RepresentationTypename);
        FieldSets.MergeInto(requirement, key);
        if (requires is not null)
        {
            FieldSets.MergeInto(requirement, requires);
        }

        var outer = _requirementSources;
        var local = new List<FetchGroup>();
        var wasPlanning = child.PlanningRequirements;
        child.PlanningRequirements = true;
        _requirementSources = local;
        try
        {
            var inParent = source with { ParentType = parentType.Name };
            PlanObject(inParent, key);
            if (requires is not null)
            {
                PlanSelections(inParent, requires);
            }
        }
        finally
        {
            _requirementSources = outer;
            child.PlanningRequirements = wasPlanning;
        }

        child.DependsOn.Add(at.Group);
        foreach (var dependency in local)
        {
            if (dependency != child)
            {
                child.DependsOn.Add(dependency);
            }
        }

        outer?.AddRange(local);
        outer?.Add(child);
        return child;
    }

    /// <summary>
    /// An object sends one representation per fetch: a group that already has one for another type the same object
    /// can have (a Book, and the Item interface it implements known there as an <c>@interfaceObject</c>) cannot also
    /// fetch for <paramref name="entityType"/>.
    /// </summary>
    private bool NeedsOtherRepresentation(FetchGroup existing, string entityType)
    {
        foreach (var type in existing.RequirementOrder)
        {
            if (type != entityType && _schema.Overlap(type, entityType))
            {
                return true;
            }
        }

        return false;
    }

    private FetchGroup GetOrCreateChild(FetchGroup parent, string subgraph, List<PathSegment> path, bool keepTypeFilters, Func<FetchGroup, bool>? accepts = null)
    {
        // A trailing type filter is mostly redundant: each entity requirement already selects objects by type, and
        // without it fetches for several types at the same place merge into one.
        if (!keepTypeFilters)
        {
            path = PlanPaths.TrimTypeFilters(path);
        }

        var key = new MergePathKey(path);
        var scope = CurrentConditionScope;
        foreach (var existing in parent.Children)
        {
            if (existing.Subgraph == subgraph && existing.PathKey == key && !existing.PlanningRequirements && existing.ConditionScope.Equals(scope)
                && (accepts is null || accepts(existing)))
            {
                return existing;
            }
        }

        var child = new FetchGroup(Groups.Count, subgraph, path.ToArray(), true, _rootType, parent) { ConditionScope = scope };
        Groups.Add(child);
        parent.Children.Add(child);
        return child;
    }

    private static string NamedTypeOf(string typeReference) => typeReference.Trim('[', ']', '!', ' ');
}
