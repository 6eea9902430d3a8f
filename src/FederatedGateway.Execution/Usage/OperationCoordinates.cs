using System.Collections.Immutable;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;
using GraphQLParser.AST;

namespace FederatedGateway.Execution.Usage;

/// <summary>
/// The schema coordinates an operation's document uses: <c>Type.field</c> for every selected field (on the type it is
/// selected on, an interface's field counts for the interface), <c>Type.field(argument:)</c> for every argument the
/// document passes, <c>Enum.VALUE</c> for enum literals and <c>Input.field</c> for input-object literal fields. What
/// arrives in variables is not read here (the document alone decides the set, computed once per operation).
/// </summary>
public static class OperationCoordinates
{
    public static ImmutableArray<string> Collect(PreparedOperation operation, FederatedSchema schema)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<SelectionSet>(ReferenceEqualityComparer.Instance);
        Walk(operation.RootSelection, schema, found, visited);
        return [.. found];
    }

    private static void Walk(SelectionSet set, FederatedSchema schema, SortedSet<string> found, HashSet<SelectionSet> visited)
    {
        if (!visited.Add(set))
        {
            return;
        }

        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case FieldSelection field:
                    AddField(set.ParentType, field, schema, found, visited);
                    break;
                case InlineFragmentSelection fragment:
                    Walk(fragment.SelectionSet, schema, found, visited);
                    break;
            }
        }
    }

    private static void AddField(string parentType, FieldSelection field, FederatedSchema schema, SortedSet<string> found, HashSet<SelectionSet> visited)
    {
        if (field.Name.StartsWith("__", StringComparison.Ordinal) || field.Definition is not { } definition)
        {
            return;
        }

        var coordinate = parentType + "." + field.Name;
        found.Add(coordinate);
        if (field.Arguments is { } arguments)
        {
            foreach (var argument in arguments)
            {
                var name = argument.Name.StringValue;
                found.Add(coordinate + "(" + name + ":)");
                if (definition.FindArgument(name) is { } declared)
                {
                    AddValue(argument.Value, declared.Type, schema, found);
                }
            }
        }

        if (field.SelectionSet is { } children)
        {
            Walk(children, schema, found, visited);
        }
    }

    private static void AddValue(GraphQLValue value, TypeRef type, FederatedSchema schema, SortedSet<string> found)
    {
        switch (value)
        {
            case GraphQLListValue list when list.Values is { } items:
                var itemType = type.Nullable.OfType ?? type.Nullable;
                foreach (var item in items)
                {
                    AddValue(item, itemType, schema, found);
                }

                break;
            case GraphQLEnumValue enumValue when schema.FindNamedType(type) is { Kind: TypeKind.Enum } enumType:
                found.Add(enumType.Name + "." + enumValue.Name.StringValue);
                break;
            case GraphQLObjectValue objectValue when objectValue.Fields is { } fields && schema.FindNamedType(type) is { Kind: TypeKind.InputObject } input:
                foreach (var entry in fields)
                {
                    var fieldName = entry.Name.StringValue;
                    found.Add(input.Name + "." + fieldName);
                    var declared = input.InputFields.FirstOrDefault(f => f.Name == fieldName);
                    if (declared is not null)
                    {
                        AddValue(entry.Value, declared.Type, schema, found);
                    }
                }

                break;
        }
    }
}
