using System.Text;
using FederatedGateway.Core.Operations;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>The selection a fetch sends to a subgraph, built up while planning (mutable until printed).</summary>
internal sealed class FetchSelectionSet
{
    private readonly List<object> _items = new();
    private readonly Dictionary<string, object> _index = new(StringComparer.Ordinal);

    public FetchSelectionSet(string parentType)
    {
        ParentType = parentType;
    }

    public string ParentType { get; }

    public IReadOnlyList<object> Items => _items;

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
        var key = "f:" + responseKey + Conditions(conditions);
        if (_index.TryGetValue(key, out var existing))
        {
            var found = (FetchField)existing;
            if (signature is null || found.Signature is null || found.Signature == signature)
            {
                return found;
            }

            alias = InternalAlias.ForTypeConflict(responseKey, signature);
            key = "f:" + alias + Conditions(conditions);
            if (_index.TryGetValue(key, out existing))
            {
                return (FetchField)existing;
            }
        }
        else if (signature is not null && Enclosing is not null && Enclosing.ConflictsInFragments(this, responseKey, signature))
        {
            alias = InternalAlias.ForTypeConflict(responseKey, signature);
            key = "f:" + alias + Conditions(conditions);
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
        var key = "i:" + typeCondition + Conditions(conditions);
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

    private static string Conditions(IReadOnlyList<InclusionCondition> conditions)
    {
        if (conditions.Count == 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        foreach (var c in conditions)
        {
            sb.Append(c.ToString());
        }

        return sb.ToString();
    }

    /// <summary>Compact form sent to subgraphs: <c>{a b{c}...on T{d}}</c>.</summary>
    public void PrintCompact(StringBuilder sb)
    {
        if (_items.Count == 0)
        {
            // Every selection set needs a field; a fragment whose fields all came from elsewhere keeps __typename.
            sb.Append("{__typename}");
            return;
        }

        sb.Append('{');
        var first = true;
        foreach (var item in _items)
        {
            if (!first)
            {
                sb.Append(' ');
            }

            first = false;
            switch (item)
            {
                case FetchField field:
                    var wrappers = OpenWrappers(sb, field, " ");
                    PrintFieldHead(sb, field);
                    field.SelectionSet?.PrintCompact(sb);
                    sb.Append('}', wrappers);
                    break;
                case FetchFragment fragment:
                    PrintFragmentHead(sb, fragment);
                    fragment.SelectionSet.PrintCompact(sb);
                    break;
            }
        }

        sb.Append('}');
    }

    /// <summary>Indented form for the plan printer.</summary>
    public void PrintPretty(StringBuilder sb, int depth)
    {
        if (_items.Count == 0)
        {
            sb.Append("{\n").Append(' ', (depth + 1) * 2).Append("__typename\n").Append(' ', depth * 2).Append('}');
            return;
        }

        sb.Append("{\n");
        foreach (var item in _items)
        {
            sb.Append(' ', (depth + 1) * 2);
            switch (item)
            {
                case FetchField field:
                    var wrappers = OpenWrappers(sb, field, " ");
                    PrintFieldHead(sb, field);
                    if (field.SelectionSet is not null)
                    {
                        sb.Append(' ');
                        field.SelectionSet.PrintPretty(sb, depth + 1);
                    }

                    for (var w = 0; w < wrappers; w++)
                    {
                        sb.Append(" }");
                    }

                    break;
                case FetchFragment fragment:
                    PrintFragmentHead(sb, fragment);
                    sb.Append(' ');
                    fragment.SelectionSet.PrintPretty(sb, depth + 1);
                    break;
            }

            sb.Append('\n');
        }

        sb.Append(' ', depth * 2).Append('}');
    }

    /// <summary>
    /// A location takes each of <c>@skip</c> and <c>@include</c> once; further conditions (from enclosing fragments)
    /// become inline fragments around the field. Returns how many were opened.
    /// </summary>
    private static int OpenWrappers(StringBuilder sb, FetchField field, string separator)
    {
        var opened = 0;
        for (var i = 0; i < field.Conditions.Count; i++)
        {
            if (IsPrintedOnField(field.Conditions, i))
            {
                continue;
            }

            sb.Append("... ").Append(field.Conditions[i].ToString()).Append(" {").Append(separator);
            opened++;
        }

        return opened;
    }

    /// <summary>The first <c>@skip</c> and the first <c>@include</c> stay on the field itself.</summary>
    private static bool IsPrintedOnField(IReadOnlyList<InclusionCondition> conditions, int index)
    {
        for (var j = 0; j < index; j++)
        {
            if (conditions[j].Skip == conditions[index].Skip)
            {
                return false;
            }
        }

        return true;
    }

    private static void PrintFragmentHead(StringBuilder sb, FetchFragment fragment)
    {
        sb.Append("...");
        if (fragment.TypeCondition is not null)
        {
            sb.Append(" on ").Append(fragment.TypeCondition);
        }

        PrintConditions(sb, fragment.Conditions);
    }

    private static void PrintFieldHead(StringBuilder sb, FetchField field)
    {
        if (field.Alias is not null)
        {
            sb.Append(field.Alias).Append(": ");
        }

        sb.Append(field.Name);
        if (field.Arguments is { Items.Count: > 0 })
        {
            sb.Append('(');
            var printer = new SDLPrinter();
            for (var i = 0; i < field.Arguments.Items.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(", ");
                }

                var argument = field.Arguments.Items[i];
                sb.Append(argument.Name.StringValue).Append(": ");
                printer.Print(argument.Value, sb);
            }

            sb.Append(')');
        }

        for (var i = 0; i < field.Conditions.Count; i++)
        {
            if (IsPrintedOnField(field.Conditions, i))
            {
                sb.Append(' ').Append(field.Conditions[i].ToString());
            }
        }
    }

    private static void PrintConditions(StringBuilder sb, IReadOnlyList<InclusionCondition> conditions)
    {
        foreach (var condition in conditions)
        {
            sb.Append(' ').Append(condition.ToString());
        }
    }

    /// <summary>Adds every variable the selection uses (arguments and conditions) to <paramref name="names"/>.</summary>
    public void CollectVariables(ISet<string> names)
    {
        foreach (var item in _items)
        {
            switch (item)
            {
                case FetchField field:
                    foreach (var c in field.Conditions)
                    {
                        names.Add(c.Variable);
                    }

                    if (field.Arguments is not null)
                    {
                        foreach (var argument in field.Arguments.Items)
                        {
                            CollectVariables(argument.Value, names);
                        }
                    }

                    field.SelectionSet?.CollectVariables(names);
                    break;
                case FetchFragment fragment:
                    foreach (var c in fragment.Conditions)
                    {
                        names.Add(c.Variable);
                    }

                    fragment.SelectionSet.CollectVariables(names);
                    break;
            }
        }
    }

    private static void CollectVariables(GraphQLValue value, ISet<string> names)
    {
        switch (value)
        {
            case GraphQLVariable variable:
                names.Add(variable.Name.StringValue);
                break;
            case GraphQLListValue list when list.Values is not null:
                foreach (var item in list.Values)
                {
                    CollectVariables(item, names);
                }

                break;
            case GraphQLObjectValue obj when obj.Fields is not null:
                foreach (var field in obj.Fields)
                {
                    CollectVariables(field.Value, names);
                }

                break;
        }
    }

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

internal sealed class FetchField
{
    public FetchField(string name, string? alias, GraphQLArguments? arguments, IReadOnlyList<InclusionCondition> conditions, FetchSelectionSet? selectionSet)
    {
        Name = name;
        Alias = alias;
        Arguments = arguments;
        Conditions = conditions;
        SelectionSet = selectionSet;
    }

    public string Name { get; }

    public string? Alias { get; }

    public GraphQLArguments? Arguments { get; }

    public IReadOnlyList<InclusionCondition> Conditions { get; }

    public FetchSelectionSet? SelectionSet { get; }

    /// <summary>The field's type in the subgraph (null for fields the planner adds, such as keys).</summary>
    public string? Signature { get; init; }

    /// <summary>True when a client field is fetched here (the planner may fetch the same field for a key too).</summary>
    public bool FromClient { get; set; }
}

internal sealed class FetchFragment
{
    public FetchFragment(string? typeCondition, IReadOnlyList<InclusionCondition> conditions, FetchSelectionSet selectionSet)
    {
        TypeCondition = typeCondition;
        Conditions = conditions;
        SelectionSet = selectionSet;
    }

    public string? TypeCondition { get; }

    public IReadOnlyList<InclusionCondition> Conditions { get; }

    public FetchSelectionSet SelectionSet { get; }
}
