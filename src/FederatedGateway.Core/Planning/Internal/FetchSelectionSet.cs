using System.Collections.Immutable;
using System.Runtime.InteropServices;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Selections;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>
/// The selection a fetch sends to a subgraph, built up while planning; frozen into a <see cref="PlanSelectionSet"/>
/// when the plan is built.
/// </summary>
internal sealed class FetchSelectionSet
{
    private readonly List<FetchSelectionItem> _items = new();
    private readonly Dictionary<SelectionItemKey, FetchSelectionItem> _index = new();

    public FetchSelectionSet(string parentType)
    {
        ParentType = parentType;
    }

    public string ParentType { get; }

    public IReadOnlyList<FetchSelectionItem> Items => _items;

    public bool IsEmpty => _items.Count == 0;

    /// <summary>The selection set this one is a fragment of, if any (to find sibling fragments).</summary>
    public FetchSelectionSet? Enclosing { get; private init; }

    /// <summary>For a fragment's selection: its type condition (null for <c>... @include(if: $x) { }</c>).</summary>
    public string? FragmentTypeCondition { get; private init; }

    /// <summary>For a fragment's selection: true when the fragment carries <c>@skip</c>/<c>@include</c>.</summary>
    public bool IsConditional { get; private init; }

    /// <summary>
    /// The nearest selection at the same place that is always fetched: what an entity fetch needs (keys, requires)
    /// must not disappear with a skipped fragment the field happened to sit in.
    /// </summary>
    public FetchSelectionSet Unconditional()
    {
        var target = this;
        while (target.IsConditional)
        {
            var enclosing = target.Enclosing!;
            target = target.FragmentTypeCondition is null
                ? enclosing
                : enclosing.AddFragment(target.FragmentTypeCondition, Array.Empty<InclusionCondition>()).SelectionSet;
        }

        return target;
    }

    /// <param name="signature">
    /// The field's type as the subgraph declares it. Two fragments of one selection may not give the same response
    /// name different types; the later one is then sent under an internal alias (see <see cref="InternalAlias"/>).
    /// </param>
    public FetchField AddField(string name, string? alias, GraphQLArguments? arguments, IReadOnlyList<InclusionCondition> conditions, string? childType, string? signature = null)
    {
        var responseKey = alias ?? name;
        var key = SelectionItemKey.Field(responseKey, conditions);
        if (_index.TryGetValue(key, out var existing))
        {
            var found = (FetchField)existing;
            if (signature is null || found.Signature is null || found.Signature == signature)
            {
                return found;
            }

            alias = InternalAlias.ForTypeConflict(responseKey, signature);
            key = SelectionItemKey.Field(alias, conditions);
            if (_index.TryGetValue(key, out existing))
            {
                return (FetchField)existing;
            }
        }
        else if (signature is not null && Enclosing is not null && Enclosing.ConflictsInFragments(this, responseKey, signature))
        {
            alias = InternalAlias.ForTypeConflict(responseKey, signature);
            key = SelectionItemKey.Field(alias, conditions);
            if (_index.TryGetValue(key, out existing))
            {
                return (FetchField)existing;
            }
        }

        var field = new FetchField(name, alias, arguments, conditions, childType is null ? null : new FetchSelectionSet(childType)) { Signature = signature };
        _index[key] = field;
        _items.Add(field);
        return field;
    }

    private bool ConflictsInFragments(FetchSelectionSet except, string responseKey, string signature)
    {
        foreach (var item in _items)
        {
            var set = item switch
            {
                FetchFragment f when f.SelectionSet != except => f.SelectionSet,
                _ => null,
            };
            if (set is null)
            {
                continue;
            }

            foreach (var inner in set._items)
            {
                if (inner is FetchField f && (f.Alias ?? f.Name) == responseKey && f.Signature is not null && f.Signature != signature)
                {
                    return true;
                }
            }
        }

        return false;
    }

    public FetchField AddTypename() => AddField("__typename", null, null, Array.Empty<InclusionCondition>(), null);

    public FetchFragment AddFragment(string? typeCondition, IReadOnlyList<InclusionCondition> conditions)
    {
        var key = SelectionItemKey.Fragment(typeCondition, conditions);
        if (_index.TryGetValue(key, out var existing))
        {
            return (FetchFragment)existing;
        }

        var fragment = new FetchFragment(typeCondition, conditions, new FetchSelectionSet(typeCondition ?? ParentType)
        {
            Enclosing = this,
            FragmentTypeCondition = typeCondition,
            IsConditional = conditions.Count > 0,
        });
        _index[key] = fragment;
        _items.Add(fragment);
        return fragment;
    }

    /// <summary>Freezes this selection into the plan's immutable selection tree.</summary>
    public PlanSelectionSet ToPlanSelectionSet()
    {
        var selections = new PlanSelection[_items.Count];
        for (var i = 0; i < selections.Length; i++)
        {
            selections[i] = _items[i] switch
            {
                FetchField field => new PlanField(field.Name, field.Alias, Arguments(field.Arguments), Immutable(field.Conditions), field.SelectionSet?.ToPlanSelectionSet()),
                FetchFragment fragment => new PlanInlineFragment(fragment.TypeCondition, Immutable(fragment.Conditions), fragment.SelectionSet.ToPlanSelectionSet()),
                _ => throw new InvalidOperationException("Unknown selection kind."),
            };
        }

        return new PlanSelectionSet(ParentType, ImmutableCollectionsMarshal.AsImmutableArray(selections));
    }

    private static ImmutableArray<PlanArgument> Arguments(GraphQLArguments? arguments)
    {
        if (arguments is not { Items.Count: > 0 })
        {
            return ImmutableArray<PlanArgument>.Empty;
        }

        var result = new PlanArgument[arguments.Items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new PlanArgument(arguments.Items[i].Name.StringValue, arguments.Items[i].Value);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    private static ImmutableArray<InclusionCondition> Immutable(IReadOnlyList<InclusionCondition> conditions) =>
        conditions.Count == 0 ? ImmutableArray<InclusionCondition>.Empty : ImmutableArray.CreateRange(conditions);

    /// <summary>Freezes this selection into the normalized form the executor reads (for representations).</summary>
    public SelectionSet ToSelectionSet()
    {
        var list = new List<Selection>(_items.Count);
        foreach (var item in _items)
        {
            switch (item)
            {
                case FetchField field:
                    list.Add(new FieldSelection(field.Name, field.Alias, field.Arguments, null, field.SelectionSet?.ToSelectionSet(), field.Conditions));
                    break;
                case FetchFragment fragment:
                    list.Add(new InlineFragmentSelection(fragment.TypeCondition, fragment.SelectionSet.ToSelectionSet(), fragment.Conditions));
                    break;
            }
        }

        return new SelectionSet(ParentType, list);
    }
}
