using FederatedGateway.Core.Authorization;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;
using GraphQLParser.AST;

namespace FederatedGateway.Execution.Authorization;

/// <summary>
/// The fields of one prepared operation that are protected, each (as the client wrote it) with what it takes to see
/// it: its own requirement, its return type's, its parent type's, and, when the parent is an interface or a union,
/// those of every implementation's field and type (an interface field is only as open as its most protected
/// implementation). Worked out once per prepared operation; empty for an operation that touches nothing protected.
/// </summary>
internal sealed class ProtectedSelections
{
    private readonly Dictionary<GraphQLField, int> _indexes;

    private ProtectedSelections(IReadOnlyList<GraphQLField> fields, IReadOnlyList<AuthorizationRequirement> requirements)
    {
        Fields = fields;
        Requirements = requirements;
        _indexes = new Dictionary<GraphQLField, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < fields.Count; i++)
        {
            _indexes[fields[i]] = i;
        }
    }

    /// <summary>The protected fields, in document order.</summary>
    public IReadOnlyList<GraphQLField> Fields { get; }

    /// <summary>What each of <see cref="Fields"/> takes.</summary>
    public IReadOnlyList<AuthorizationRequirement> Requirements { get; }

    public bool IsEmpty => Fields.Count == 0;

    /// <summary>The index of a protected field in <see cref="Fields"/>, or -1.</summary>
    public int IndexOf(GraphQLField field) => _indexes.TryGetValue(field, out var index) ? index : -1;

    /// <summary>Clears the marks of protected fields that <c>@skip</c>/<c>@include</c> leave out of this request.</summary>
    public void KeepIncluded(SelectionSet root, IReadOnlyDictionary<string, bool> booleans, bool[] marks)
    {
        var included = new bool[marks.Length];
        MarkIncluded(root, booleans, included);
        for (var i = 0; i < marks.Length; i++)
        {
            marks[i] &= included[i];
        }
    }

    private void MarkIncluded(SelectionSet selectionSet, IReadOnlyDictionary<string, bool> booleans, bool[] included)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (!selection.IsIncluded(booleans))
            {
                continue;
            }

            switch (selection)
            {
                case FieldSelection field:
                    if (field.Syntax is { } syntax && IndexOf(syntax) is >= 0 and var index)
                    {
                        included[index] = true;
                    }

                    if (field.SelectionSet is { } inner)
                    {
                        MarkIncluded(inner, booleans, included);
                    }

                    break;
                case InlineFragmentSelection fragment:
                    MarkIncluded(fragment.SelectionSet, booleans, included);
                    break;
            }
        }
    }

    public static ProtectedSelections Find(PreparedOperation operation, FederatedSchema schema, AuthorizationRequirements requirements)
    {
        var found = new Dictionary<GraphQLField, AuthorizationRequirement>(ReferenceEqualityComparer.Instance);
        var order = new List<GraphQLField>();
        Visit(operation.RootSelection, schema, requirements, found, order);
        return new ProtectedSelections(order, order.Select(f => found[f]).ToArray());
    }

    private static void Visit(
        SelectionSet selectionSet, FederatedSchema schema, AuthorizationRequirements requirements,
        Dictionary<GraphQLField, AuthorizationRequirement> found, List<GraphQLField> order)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldSelection { Definition: { } definition, Syntax: { } syntax } field:
                    {
                        var requirement = Requirement(selectionSet.ParentType, definition, schema, requirements);
                        if (!requirement.IsNone)
                        {
                            if (found.TryGetValue(syntax, out var existing))
                            {
                                found[syntax] = existing.And(requirement);
                            }
                            else
                            {
                                found[syntax] = requirement;
                                order.Add(syntax);
                            }
                        }

                        if (field.SelectionSet is { } inner)
                        {
                            Visit(inner, schema, requirements, found, order);
                        }

                        break;
                    }

                case InlineFragmentSelection fragment:
                    Visit(fragment.SelectionSet, schema, requirements, found, order);
                    break;
            }
        }
    }

    private static AuthorizationRequirement Requirement(string parentType, SchemaField definition, FederatedSchema schema, AuthorizationRequirements requirements)
    {
        var requirement = requirements.ForField(parentType, definition.Name)
            .And(requirements.ForType(parentType))
            .And(requirements.ForType(definition.Type.NamedType));
        if (schema.FindType(parentType) is { IsAbstract: true })
        {
            foreach (var implementation in schema.PossibleTypes(parentType))
            {
                requirement = requirement.And(requirements.ForField(implementation, definition.Name)).And(requirements.ForType(implementation));
            }
        }

        return requirement;
    }
}
