using FederatedGateway.Core.Composition.Subgraphs;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Operations.VariableUsages;

/// <summary>
/// The spec's All Variable Usages Are Allowed (October 2021, section 5.8.5), in place of GraphQL.NET's
/// VariablesInAllowedPosition: every variable used in an argument, a list item or an input-object field, at any
/// depth, in fields and directives of the operation and the fragments it spreads, must have a type compatible with
/// the location's (same named type, list nesting alike, non-null where the location is non-null). A nullable
/// variable may flow into a non-null location only when it has a non-null default or the argument or input field
/// has one; such usages are kept in <see cref="NullableInNonNullPositions"/> so that an explicit <c>null</c> is
/// refused when variables are coerced.
/// <para>
/// Each fragment is walked once per operation (a location's expected type does not depend on where the fragment is
/// spread), with an explicit stack, so the cost is linear in the document. Runs on documents the other validation
/// rules accepted (fields, arguments, types and variables known).
/// </para>
/// </summary>
internal sealed class VariableUsageValidator
{
    private readonly ISchema _schema;
    private readonly IReadOnlyDictionary<string, GraphQLFragmentDefinition> _fragments;
    private readonly string _source;
    private readonly int _maxErrors;
    private readonly CancellationToken _cancellationToken;
    private readonly List<RequestError> _errors = new();
    private readonly Dictionary<string, NullableVariableInNonNullPosition> _nullableInNonNull = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GraphQLVariableDefinition> _definitions = new(StringComparer.Ordinal);
    private SdlLines? _lines;

    /// <param name="source">The document's text, for error locations.</param>
    /// <param name="maxErrors">Errors after which checking stops; 0 for no limit.</param>
    public VariableUsageValidator(ISchema schema, IReadOnlyDictionary<string, GraphQLFragmentDefinition> fragments, string source, int maxErrors, CancellationToken cancellationToken)
    {
        _schema = schema;
        _fragments = fragments;
        _source = source;
        _maxErrors = maxErrors <= 0 ? int.MaxValue : maxErrors;
        _cancellationToken = cancellationToken;
    }

    /// <summary>After <see cref="Validate"/>: the nullable variables used where a non-null value is required, once each.</summary>
    public IReadOnlyCollection<NullableVariableInNonNullPosition> NullableInNonNullPositions => _nullableInNonNull.Values;

    public IReadOnlyList<RequestError> Validate(GraphQLOperationDefinition operation, IGraphType rootType)
    {
        if (operation.Variables is null)
        {
            return _errors;
        }

        foreach (var definition in operation.Variables.Items)
        {
            _definitions[definition.Variable.Name.StringValue] = definition;
        }

        CheckDirectives(operation.Directives);
        var visitedFragments = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(GraphQLSelectionSet SelectionSet, IGraphType Parent)>();
        pending.Push((operation.SelectionSet, rootType));
        while (pending.TryPop(out var item) && _errors.Count < _maxErrors)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            foreach (var selection in item.SelectionSet.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        CheckDirectives(field.Directives);
                        var definition = FieldDefinition(item.Parent, field.Name.StringValue);
                        if (definition is null)
                        {
                            break;
                        }

                        CheckFieldArguments(field, definition);
                        if (field.SelectionSet is not null && definition.ResolvedType is { } fieldType)
                        {
                            pending.Push((field.SelectionSet, fieldType.GetNamedType()));
                        }

                        break;
                    case GraphQLInlineFragment inline:
                        CheckDirectives(inline.Directives);
                        var inlineType = inline.TypeCondition is null ? item.Parent : _schema.AllTypes[inline.TypeCondition.Type.Name.StringValue];
                        if (inlineType is not null)
                        {
                            pending.Push((inline.SelectionSet, inlineType));
                        }

                        break;
                    case GraphQLFragmentSpread spread:
                        CheckDirectives(spread.Directives);
                        var name = spread.FragmentName.Name.StringValue;
                        if (visitedFragments.Add(name) && _fragments.TryGetValue(name, out var fragment))
                        {
                            CheckDirectives(fragment.Directives);
                            if (_schema.AllTypes[fragment.TypeCondition.Type.Name.StringValue] is { } fragmentType)
                            {
                                pending.Push((fragment.SelectionSet, fragmentType));
                            }
                        }

                        break;
                }
            }
        }

        return _errors;
    }

    private FieldType? FieldDefinition(IGraphType parent, string name) => name switch
    {
        "__typename" => null,
        "__schema" => _schema.SchemaMetaFieldType,
        "__type" => _schema.TypeMetaFieldType,
        _ => (parent as IComplexGraphType)?.GetField(name),
    };

    private void CheckFieldArguments(GraphQLField field, FieldType definition)
    {
        if (field.Arguments is null || definition.Arguments is null)
        {
            return;
        }

        foreach (var argument in field.Arguments.Items)
        {
            var name = argument.Name.StringValue;
            if (definition.Arguments.Find(name) is { ResolvedType: { } type } argumentDefinition)
            {
                CheckValue(argument.Value, type, argumentDefinition.DefaultValue is not null, $"argument \"{name}\" of {field.Name.StringValue}");
            }
        }
    }

    private void CheckDirectives(GraphQLDirectives? directives)
    {
        if (directives is null)
        {
            return;
        }

        foreach (var directive in directives.Items)
        {
            var definition = _schema.Directives.Find(directive.Name.StringValue);
            if (directive.Arguments is null || definition?.Arguments is null)
            {
                continue;
            }

            foreach (var argument in directive.Arguments.Items)
            {
                var name = argument.Name.StringValue;
                if (definition.Arguments.Find(name) is { ResolvedType: { } type } argumentDefinition)
                {
                    CheckValue(argument.Value, type, argumentDefinition.DefaultValue is not null, $"argument \"{name}\" of @{definition.Name}");
                }
            }
        }
    }

    private void CheckValue(GraphQLValue value, IGraphType locationType, bool locationHasDefault, string location)
    {
        switch (value)
        {
            case GraphQLVariable variable:
                CheckUsage(variable, locationType, locationHasDefault, location);
                break;
            case GraphQLListValue list when list.Values is not null:
                var nullable = locationType is NonNullGraphType nonNull ? nonNull.ResolvedType! : locationType;
                var itemType = nullable is ListGraphType listType ? listType.ResolvedType! : nullable;
                foreach (var item in list.Values)
                {
                    CheckValue(item, itemType, false, location);
                }

                break;
            case GraphQLObjectValue objectValue when objectValue.Fields is not null:
                if (locationType.GetNamedType() is not IInputObjectGraphType inputType)
                {
                    break;
                }

                foreach (var field in objectValue.Fields)
                {
                    var name = field.Name.StringValue;
                    if (inputType.GetField(name) is { ResolvedType: { } fieldType } fieldDefinition)
                    {
                        CheckValue(field.Value, fieldType, fieldDefinition.DefaultValue is not null, $"field \"{name}\" of {inputType.Name} in {location}");
                    }
                }

                break;
        }
    }

    private void CheckUsage(GraphQLVariable usage, IGraphType locationType, bool locationHasDefault, string location)
    {
        var name = usage.Name.StringValue;
        if (!_definitions.TryGetValue(name, out var definition))
        {
            return;
        }

        var variableType = definition.Type;
        bool allowed;
        if (locationType is NonNullGraphType nonNullLocation && variableType is not GraphQLNonNullType)
        {
            var hasNonNullDefault = definition.DefaultValue is not null and not GraphQLNullValue;
            allowed = (hasNonNullDefault || locationHasDefault) && TypeCompatibility.AreCompatible(variableType, nonNullLocation.ResolvedType!);
            if (allowed)
            {
                _nullableInNonNull.TryAdd(name, new NullableVariableInNonNullPosition(name, location));
            }
        }
        else
        {
            allowed = TypeCompatibility.AreCompatible(variableType, locationType);
        }

        if (!allowed && _errors.Count < _maxErrors)
        {
            _lines ??= new SdlLines(_source);
            _errors.Add(new RequestError(
                $"Variable \"${name}\" of type \"{TypeCompatibility.Print(variableType)}\" used in position expecting type \"{TypeCompatibility.Print(locationType)}\" ({location}).",
                "GRAPHQL_VALIDATION_FAILED",
                new[] { _lines.Position(definition.Location.Start), _lines.Position(usage.Location.Start) }));
        }
    }
}
