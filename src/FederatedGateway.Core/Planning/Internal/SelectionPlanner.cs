using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>
/// Walks the client's selection and assigns every field to a fetch group: kept in the current subgraph when it
/// can resolve it, otherwise reached through an entity jump (<c>@key</c>) to a subgraph that can, with keys and
/// <c>@requires</c> planned into the current group first.
/// </summary>
internal sealed class SelectionPlanner
{
    private const int MaxDepth = 64;
    private static readonly IReadOnlyList<InclusionCondition> NoConditions = Array.Empty<InclusionCondition>();

    private readonly SchemaQueries _q;
    private readonly FederatedSchema _schema;
    private readonly string _rootType;
    private readonly PlannerAliases _aliases;
    private readonly CancellationToken _cancellation;
    private readonly List<Crumb> _crumbs = new();

    // > 0 while planning under a field or fragment with @skip/@include: entity fetches made there get their own
    // group, so what they need (keys, requires) never decides whether an unconditional sibling's objects are sent.
    private readonly List<IReadOnlyList<InclusionCondition>> _conditionScopes = new();

    private ConditionScope CurrentConditionScope => ConditionScope.Of(_conditionScopes);
    private int _depth;
    private int _steps;

    public SelectionPlanner(SchemaQueries queries, string rootType, PlannerAliases aliases, int maxSteps, CancellationToken cancellation)
    {
        _aliases = aliases;
        _q = queries;
        _schema = queries.Schema;
        _rootType = rootType;
        MaxSteps = maxSteps;
        _cancellation = cancellation;
    }

    public int MaxSteps { get; }

    public List<FetchGroup> Groups { get; } = new();

    /// <summary>Returns the root fetch group of a subgraph for a query (null when re-fetching a root field is not allowed).</summary>
    public Func<string, FetchGroup>? RootGroupFor { get; set; }

    public FetchGroup NewRootGroup(string subgraph)
    {
        var group = new FetchGroup(Groups.Count, subgraph, Array.Empty<PathSegment>(), false, _rootType, null);
        Groups.Add(group);
        return group;
    }

    /// <summary>Plans <paramref name="selections"/> (on <paramref name="parentType"/>, at <paramref name="path"/>) into <paramref name="target"/> of <paramref name="group"/>.</summary>
    /// <param name="provided">What the parent field's <c>@provides</c> lets the current subgraph return without a jump.</param>
    /// <param name="requirementSources">
    /// Null when planning the client's selection. While planning the key and <c>@requires</c> fields an entity fetch
    /// needs (<see cref="PrepareEntityGroup"/>), it collects every other fetch group those fields were planned into
    /// (entity groups jumped to, root groups re-entered), so the entity fetch is made to depend on all of them.
    /// </param>
    public void PlanSelections(FetchGroup group, FetchSelectionSet target, string parentType, SelectionSet selections, List<PathSegment> path, SelectionSet? provided, List<FetchGroup>? requirementSources)
    {
        Step();
        if (++_depth > MaxDepth)
        {
            throw new PlanningException("The operation is nested too deeply to plan.");
        }

        try
        {
            if (_q.ModeIn(group.Subgraph, parentType) == TypeMode.Abstract)
            {
                PlanAbstract(group, target, parentType, selections, path, provided, requirementSources);
            }
            else
            {
                PlanObject(group, target, parentType, selections, path, provided, requirementSources);
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

    private void PlanObject(FetchGroup group, FetchSelectionSet target, string parentType, SelectionSet selections, List<PathSegment> path, SelectionSet? provided, List<FetchGroup>? requirementSources)
    {
        var type = _schema.GetType(parentType);
        var mode = _q.ModeIn(group.Subgraph, parentType);
        foreach (var selection in selections.Selections)
        {
            switch (selection)
            {
                case FieldSelection { IsTypename: true } typename:
                    if (mode == TypeMode.InterfaceObject)
                    {
                        JumpToResolveType(group, target, parentType, new SelectionSet(parentType, new Selection[] { typename }), path, requirementSources);
                    }
                    else
                    {
                        // The projection needs the runtime type where the API type is abstract but this subgraph's is not.
                        target.AddTypename();
                    }

                    break;
                case FieldSelection { Name: "__schema" or "__type" }:
                    break;
                case FieldSelection f:
                    {
                        var field = type.FindField(f.Name)
                            ?? throw new PlanningException($"Cannot query field \"{f.Name}\" on type \"{parentType}\".");
                        if (_q.CanResolve(group.Subgraph, type, field, provided, out var providedField)
                            || IsEchoedKeyField(group, type, field, path))
                        {
                            AddField(group, target, field, f, path, provided, providedField?.SelectionSet, requirementSources);
                        }
                        else
                        {
                            Jump(group, target, type, field, f, path, provided, requirementSources);
                        }

                        break;
                    }

                case InlineFragmentSelection fragment:
                    {
                        var condition = fragment.TypeCondition ?? parentType;
                        if (condition == parentType || _schema.Satisfies(parentType, condition))
                        {
                            var inner = fragment.Conditions.Count > 0 ? target.AddFragment(null, fragment.Conditions).SelectionSet : target;
                            var conditional = fragment.Conditions.Count > 0;
                            if (conditional)
                            {
                                _conditionScopes.Add(fragment.Conditions);
                            }

                            try
                            {
                                PlanObject(group, inner, parentType, fragment.SelectionSet, path, provided, requirementSources);
                            }
                            finally
                            {
                                if (conditional)
                                {
                                    _conditionScopes.RemoveAt(_conditionScopes.Count - 1);
                                }
                            }
                        }
                        else if (mode == TypeMode.InterfaceObject && Overlaps(parentType, condition))
                        {
                            JumpToResolveType(group, target, parentType, new SelectionSet(parentType, new Selection[] { fragment }), path, requirementSources);
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

    private void PlanAbstract(FetchGroup group, FetchSelectionSet target, string abstractType, SelectionSet selections, List<PathSegment> path, SelectionSet? provided, List<FetchGroup>? requirementSources)
    {
        target.AddTypename();
        var type = _schema.GetType(abstractType);
        var possible = RestrictToCandidates(group, abstractType, _q.PossibleTypesIn(group.Subgraph, abstractType));
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
                        if (ResolvableOnInterface(group.Subgraph, type, field, possible, provided, out var providedField))
                        {
                            AddField(group, target, field, f, path, provided, providedField?.SelectionSet, requirementSources);
                            break;
                        }

                        if (possible.Count == 0)
                        {
                            throw new PlanningException(
                                $"Cannot plan field \"{abstractType}.{f.Name}\": subgraph \"{group.Subgraph}\" does not resolve it and knows no type implementing \"{abstractType}\".");
                        }

                        var single = new SelectionSet(abstractType, new Selection[] { f });
                        foreach (var concrete in possible)
                        {
                            var fragment = target.AddFragment(concrete, NoConditions);
                            PlanObject(group, fragment.SelectionSet, concrete, single, With(path, PathSegment.TypeFilter(concrete)), provided, requirementSources);
                        }

                        break;
                    }

                case InlineFragmentSelection fragment:
                    {
                        var condition = fragment.TypeCondition ?? abstractType;
                        if (condition == abstractType)
                        {
                            var inner = fragment.Conditions.Count > 0 ? target.AddFragment(null, fragment.Conditions).SelectionSet : target;
                            var conditional = fragment.Conditions.Count > 0;
                            if (conditional)
                            {
                                _conditionScopes.Add(fragment.Conditions);
                            }

                            try
                            {
                                PlanAbstract(group, inner, abstractType, fragment.SelectionSet, path, provided, requirementSources);
                            }
                            finally
                            {
                                if (conditional)
                                {
                                    _conditionScopes.RemoveAt(_conditionScopes.Count - 1);
                                }
                            }
                            break;
                        }

                        foreach (var concrete in possible)
                        {
                            if (!_schema.Satisfies(concrete, condition))
                            {
                                continue;
                            }

                            var inner = target.AddFragment(concrete, fragment.Conditions);
                            var conditional = fragment.Conditions.Count > 0;
                            if (conditional)
                            {
                                _conditionScopes.Add(fragment.Conditions);
                            }

                            try
                            {
                                PlanObject(group, inner.SelectionSet, concrete, fragment.SelectionSet, With(path, PathSegment.TypeFilter(concrete)), provided, requirementSources);
                            }
                            finally
                            {
                                if (conditional)
                                {
                                    _conditionScopes.RemoveAt(_conditionScopes.Count - 1);
                                }
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
        for (var k = _crumbs.Count - 1; k >= 0 && _crumbs[k].Group == group; k--)
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
    private bool IsEchoedKeyField(FetchGroup group, SchemaType type, SchemaField field, List<PathSegment> path)
    {
        if (!group.IsEntity || new MergePathKey(TrimTypeFilters(path)) != new MergePathKey(TrimTypeFilters(group.MergePath.ToList()))
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
    private void AddField(FetchGroup group, FetchSelectionSet target, SchemaField field, FieldSelection selection, List<PathSegment> path, SelectionSet? parentProvided, SelectionSet? providedSub, List<FetchGroup>? requirementSources)
    {
        // The subgraph may declare a narrower type than the supergraph (join__field(type:)); plan against its own.
        var declared = SchemaQueries.FieldIn(field, group.Subgraph)?.Type;
        var named = _schema.GetType(declared is null ? field.Type.NamedType : NamedTypeOf(declared));
        var fetchField = target.AddField(selection.Name, selection.Alias, selection.Arguments, selection.Conditions, named.IsComposite ? named.Name : null, declared ?? field.Type.ToString());
        fetchField.FromClient |= !_aliases.IsPlannerField(selection);
        if (!named.IsComposite || selection.SelectionSet is null)
        {
            return;
        }

        var childPath = With(path, PathSegment.Field(selection.ResponseName));
        for (var t = field.Type; t.Name is null; t = t.OfType!)
        {
            if (t.IsList)
            {
                childPath.Add(PathSegment.List);
            }
        }

        var provided = providedSub ?? SchemaQueries.FieldIn(field, group.Subgraph)?.ProvidesSelection;
        _crumbs.Add(new Crumb(group, target, _schema.GetType(field.ParentType), field, selection, path, parentProvided));
        var conditional = selection.Conditions.Count > 0;
        if (conditional)
        {
            _conditionScopes.Add(selection.Conditions);
        }

        try
        {
            PlanSelections(group, fetchField.SelectionSet!, named.Name, selection.SelectionSet, childPath, provided, requirementSources);
        }
        finally
        {
            _crumbs.RemoveAt(_crumbs.Count - 1);
            if (conditional)
            {
                _conditionScopes.RemoveAt(_conditionScopes.Count - 1);
            }
        }
    }

    /// <summary>Reaches <paramref name="field"/> through an entity fetch to a subgraph that resolves it.</summary>
    private void Jump(FetchGroup group, FetchSelectionSet target, SchemaType parentType, SchemaField field, FieldSelection selection, List<PathSegment> path, SelectionSet? provided, List<FetchGroup>? requirementSources)
    {
        Step();
        if (++_depth > MaxDepth)
        {
            throw new PlanningException($"Cannot plan field \"{parentType.Name}.{field.Name}\": the entity jumps needed nest too deeply.");
        }

        try
        {
            JumpCore(group, target, parentType, field, selection, path, provided, requirementSources);
        }
        finally
        {
            _depth--;
        }
    }

    private void JumpCore(FetchGroup group, FetchSelectionSet target, SchemaType parentType, SchemaField field, FieldSelection selection, List<PathSegment> path, SelectionSet? provided, List<FetchGroup>? requirementSources)
    {
        var option = ChooseEntityOption(group, parentType, field, selection, path);
        if (option is null)
        {
            if (ReenterThroughAncestor(selection, requirementSources))
            {
                return;
            }

            throw new PlanningException(
                $"Cannot plan field \"{parentType.Name}.{field.Name}\": no subgraph can resolve it from \"{group.Subgraph}\" through a key.");
        }

        var child = PrepareEntityGroup(group, target, parentType, option, path, provided, requirementSources);
        var fragment = child.Selection.AddFragment(option.EntityType, NoConditions);
        var optionField = option.Field ?? field;
        var info = SchemaQueries.FieldIn(optionField, option.Subgraph);
        if (info?.Requires is not null)
        {
            AddField(child, fragment.SelectionSet, optionField, selection, path, null, null, requirementSources);
        }
        else
        {
            PlanSelections(child, fragment.SelectionSet, option.EntityType, new SelectionSet(option.EntityType, new Selection[] { selection }), path, null, requirementSources);
        }
    }

    /// <summary>
    /// A field of a value type (no key) that the current subgraph cannot resolve: fetch the chain of fields that
    /// led here again, from the nearest ancestor a subgraph that resolves the whole chain can be entered at
    /// (an entity it has a key for, or the query root).
    /// </summary>
    private bool ReenterThroughAncestor(FieldSelection selection, List<FetchGroup>? requirementSources)
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
            if (crumb.Path.Count == 0 && !crumb.Group.IsEntity && RootGroupFor is not null)
            {
                string? best = null;
                var bestCost = int.MaxValue;
                foreach (var (subgraph, info) in crumb.Field.Graphs.OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    if (subgraph == crumb.Group.Subgraph || !info.IsResolvable || info.Requires is not null
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

                if (best is not null)
                {
                    var root = RootGroupFor(best);
                    PlanSelections(root, root.Selection, crumb.ParentType.Name, chain, new List<PathSegment>(), null, requirementSources);
                    requirementSources?.Add(root);
                    return true;
                }
            }
            else
            {
                foreach (var option in EntityOptions(crumb.Group.Subgraph, crumb.ParentType, crumb.Field).OrderBy(o => o.Subgraph, StringComparer.Ordinal))
                {
                    if (_q.Cost(option.Subgraph, option.EntityType, stubChain, null) == 0)
                    {
                        Jump(crumb.Group, crumb.Target, crumb.ParentType, crumb.Field, synthetic, crumb.Path, crumb.Provided, requirementSources);
                        return true;
                    }
                }
            }

            inner = synthetic;
            stub = Wrap(crumb, stub);
        }

        return false;
    }

    private static readonly FieldSelection Typename = new("__typename", null, null, null, null, NoConditions);

    private static FieldSelection Wrap(Crumb crumb, Selection inner) =>
        new(crumb.Selection.Name, crumb.Selection.Alias, crumb.Selection.Arguments, crumb.Field,
            new SelectionSet(crumb.Field.Type.NamedType, new[] { inner }), crumb.Selection.Conditions, crumb.Selection.Location, crumb.Selection.Syntax);

    /// <summary>An object known only as an <c>@interfaceObject</c> here: ask a subgraph that has the real interface.</summary>
    private void JumpToResolveType(FetchGroup group, FetchSelectionSet target, string interfaceName, SelectionSet selections, List<PathSegment> path, List<FetchGroup>? requirementSources)
    {
        var type = _schema.GetType(interfaceName);
        EntityOption? best = null;
        foreach (var (subgraph, info) in type.Graphs.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (info.IsInterfaceObject || subgraph == group.Subgraph)
            {
                continue;
            }

            foreach (var key in info.Keys)
            {
                if (key.Resolvable && _q.CanResolveAll(group.Subgraph, interfaceName, key.Selection, null))
                {
                    // Only the key is needed to learn the concrete type: the option stands for no field, so no field's
                    // @requires comes with it.
                    best ??= new EntityOption(subgraph, interfaceName, interfaceName, key, Field: null);
                }
            }
        }

        if (best is null)
        {
            throw new PlanningException($"Cannot resolve the concrete type of \"{interfaceName}\" from \"{group.Subgraph}\".");
        }

        var child = PrepareEntityGroup(group, target, type, best, path, null, requirementSources);
        var fragment = child.Selection.AddFragment(interfaceName, NoConditions);
        PlanSelections(child, fragment.SelectionSet, interfaceName, selections, path, null, requirementSources);
    }

    private FetchGroup PrepareEntityGroup(FetchGroup group, FetchSelectionSet target, SchemaType parentType, EntityOption option, List<PathSegment> path, SelectionSet? provided, List<FetchGroup>? requirementSources)
    {
        // Keys and requirements go where they are always fetched, not into a skipped fragment the field sat in.
        target = target.Unconditional();
        target.AddTypename();
        var key = _aliases.Apply(option.Key.Selection)!;
        var requires = option.Field is null ? null : _aliases.Apply(SchemaQueries.FieldIn(option.Field, option.Subgraph)?.RequiresSelection);
        // A requirement selects objects by its entity type; one for an @interfaceObject selects every implementation,
        // so the object type this jump was planned for stays in the path (else the fetch would also answer, as the
        // interface, for objects of other types: their resolved __typename overwritten by the interface's name).
        var keepTypeFilters = option.RepresentationTypename is not null && parentType.Kind == TypeKind.Object;
        var child = GetOrCreateChild(group, option.Subgraph, path, keepTypeFilters, existing =>
            (!existing.Requirements.TryGetValue(option.EntityType, out var current) || PlannerAliases.Compatible(current.Fields, requires))
            && !NeedsOtherRepresentation(existing, option.EntityType));
        var requirement = child.RequirementFor(option.EntityType, option.RepresentationTypename);
        Merge(requirement, key);
        if (requires is not null)
        {
            Merge(requirement, requires);
        }

        var local = new List<FetchGroup>();
        var wasPlanning = child.PlanningRequirements;
        child.PlanningRequirements = true;
        try
        {
            PlanObject(group, target, parentType.Name, key, path, provided, local);
            if (requires is not null)
            {
                PlanSelections(group, target, parentType.Name, requires, path, provided, local);
            }
        }
        finally
        {
            child.PlanningRequirements = wasPlanning;
        }

        child.DependsOn.Add(group);
        foreach (var dependency in local)
        {
            if (dependency != child)
            {
                child.DependsOn.Add(dependency);
            }
        }

        requirementSources?.AddRange(local);
        requirementSources?.Add(child);
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
            path = TrimTypeFilters(path);
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

    private EntityOption? ChooseEntityOption(FetchGroup group, SchemaType parentType, SchemaField field, FieldSelection selection, List<PathSegment> path)
    {
        EntityOption? best = null;
        (int, int, int, string, int) bestScore = default;
        var pathKey = new MergePathKey(TrimTypeFilters(path));
        foreach (var option in EntityOptions(group.Subgraph, parentType, field))
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

    private static int Compare((int, int, int, string, int) a, (int, int, int, string, int) b)
    {
        var c = a.Item1.CompareTo(b.Item1);
        if (c == 0) c = a.Item2.CompareTo(b.Item2);
        if (c == 0) c = a.Item3.CompareTo(b.Item3);
        if (c == 0) c = string.CompareOrdinal(a.Item4, b.Item4);
        if (c == 0) c = a.Item5.CompareTo(b.Item5);
        return c;
    }

    /// <summary>Every (subgraph, entity type, key) through which <paramref name="field"/> can be fetched.</summary>
    private IEnumerable<EntityOption> EntityOptions(string current, SchemaType parentType, SchemaField field)
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

    /// <summary>Adds a field set (keys, requires) to a requirement selection.</summary>
    private static void Merge(FetchSelectionSet target, SelectionSet fields)
    {
        foreach (var selection in fields.Selections)
        {
            switch (selection)
            {
                case FieldSelection f:
                    var added = target.AddField(f.Name, f.Alias, f.Arguments, NoConditions, f.SelectionSet?.ParentType);
                    if (f.SelectionSet is not null)
                    {
                        Merge(added.SelectionSet!, f.SelectionSet);
                    }

                    break;
                case InlineFragmentSelection fragment:
                    Merge(target.AddFragment(fragment.TypeCondition, NoConditions).SelectionSet, fragment.SelectionSet);
                    break;
            }
        }
    }

    private static string NamedTypeOf(string typeReference) => typeReference.Trim('[', ']', '!', ' ');

    private static List<PathSegment> TrimTypeFilters(List<PathSegment> path)
    {
        var end = path.Count;
        while (end > 0 && path[end - 1].Kind == PathSegmentKind.TypeFilter)
        {
            end--;
        }

        return end == path.Count ? path : path.GetRange(0, end);
    }

    private static List<PathSegment> With(List<PathSegment> path, PathSegment segment)
    {
        var copy = new List<PathSegment>(path.Count + 1);
        copy.AddRange(path);
        copy.Add(segment);
        return copy;
    }
}
