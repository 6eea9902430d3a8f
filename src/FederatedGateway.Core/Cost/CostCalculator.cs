using System.Text.Json;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Cost;

/// <summary>
/// Demand control after IBM's GraphQL cost specification, as Apollo applies it. A field costs its weight (its own
/// <c>@cost</c>, else its type's, else 1 for objects, interfaces and unions and 0 for scalars and enums) plus its
/// arguments' weights (an input object 1, others 0, unless <c>@cost</c> says otherwise) plus its selections'; a list
/// multiplies weight and selections by its size: the slicing argument's value (<c>@listSize(slicingArguments:)</c>,
/// the largest when several are given), else <c>assumedSize</c>, else the default list size. With
/// <c>sizedFields</c> the size applies to those child fields instead. Fragments on different types of an abstract
/// type count the most expensive one. A mutation adds 10. <see cref="Actual"/> uses the answer's real list sizes.
/// </summary>
public sealed class CostCalculator
{
    public const double MutationCost = 10;

    private readonly FederatedSchema _schema;
    private readonly CostDirectives _directives;
    private readonly int _defaultListSize;

    public CostCalculator(FederatedSchema schema, CostDirectives directives, int defaultListSize)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(directives);
        ArgumentOutOfRangeException.ThrowIfNegative(defaultListSize);
        _schema = schema;
        _directives = directives;
        _defaultListSize = defaultListSize;
    }

    /// <summary>The estimated cost of <paramref name="operation"/> with these variables, before anything is fetched.</summary>
    /// <exception cref="CostException">A slicing rule is broken.</exception>
    public double Estimate(PreparedOperation operation, JsonElement variables, IReadOnlyDictionary<string, bool> booleans)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var context = new Walk(variables, booleans, operation.Variables);
        return Base(operation) + SetCost(operation.RootSelection, context, null);
    }

    /// <summary>The cost of what the answer's <paramref name="data"/> actually holds (real list sizes; null objects cost nothing).</summary>
    public double Actual(PreparedOperation operation, JsonElement data, JsonElement variables, IReadOnlyDictionary<string, bool> booleans)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var context = new Walk(variables, booleans, operation.Variables);
        return Base(operation) + (data.ValueKind == JsonValueKind.Object ? ActualSet(operation.RootSelection, data, context) : 0);
    }

    private static double Base(PreparedOperation operation) => operation.Kind == OperationKind.Mutation ? MutationCost : 0;

    private double SetCost(SelectionSet set, Walk context, IReadOnlyCollection<string>? sizedFields, double sizedSize = 0)
    {
        double common = 0;
        Dictionary<string, double>? byType = null;
        foreach (var selection in set.Selections)
        {
            if (!selection.IsIncluded(context.Booleans))
            {
                continue;
            }

            switch (selection)
            {
                case FieldSelection field:
                    common += FieldCost(set.ParentType, field, context, sizedFields is not null && sizedFields.Contains(field.Name) ? sizedSize : null);
                    break;
                case InlineFragmentSelection fragment when fragment.TypeCondition is null || fragment.TypeCondition == set.ParentType:
                    common += SetCost(fragment.SelectionSet, context, sizedFields, sizedSize);
                    break;
                case InlineFragmentSelection fragment:
                    byType ??= new Dictionary<string, double>(StringComparer.Ordinal);
                    byType[fragment.TypeCondition!] = byType.GetValueOrDefault(fragment.TypeCondition!) + SetCost(fragment.SelectionSet, context, sizedFields, sizedSize);
                    break;
            }
        }

        return common + (byType is null ? 0 : byType.Values.Max());
    }

    private double FieldCost(string parentType, FieldSelection field, Walk context, double? imposedSize)
    {
        if (field.IsTypename || field.Definition is not { } definition)
        {
            return 0;
        }

        var weight = Weight(parentType, definition);
        var arguments = ArgumentsCost(parentType, field);
        var listSize = _directives.ListSize(parentType, field.Name);
        var size = imposedSize ?? (IsList(definition.Type) || listSize?.SizedFields.Count > 0 ? ListSize(parentType, field, listSize, context) : 1);
        var children = field.SelectionSet is { } selections
            ? SetCost(selections, context, listSize?.SizedFields.Count > 0 ? listSize.SizedFields : null, size)
            : 0;
        if (listSize?.SizedFields.Count > 0 && imposedSize is null)
        {
            // The size belongs to the sized child fields, which applied it above.
            return arguments + weight + children;
        }

        return arguments + (IsList(definition.Type) || imposedSize is not null ? size : 1) * (weight + children);
    }

    private double ActualSet(SelectionSet set, JsonElement value, Walk context)
    {
        double cost = 0;
        foreach (var selection in set.Selections)
        {
            if (!selection.IsIncluded(context.Booleans))
            {
                continue;
            }

            if (selection is InlineFragmentSelection fragment)
            {
                cost += ActualSet(fragment.SelectionSet, value, context);
            }
            else if (selection is FieldSelection { IsTypename: false, Definition: { } definition } field
                && value.TryGetProperty(field.ResponseName, out var fieldValue))
            {
                cost += ArgumentsCost(set.ParentType, field) + ActualValue(set.ParentType, field, definition, fieldValue, context);
            }
        }

        return cost;
    }

    private double ActualValue(string parentType, FieldSelection field, SchemaField definition, JsonElement value, Walk context)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return 0;
            case JsonValueKind.Array:
                double items = 0;
                foreach (var item in value.EnumerateArray())
                {
                    items += ActualValue(parentType, field, definition, item, context);
                }

                return items;
            case JsonValueKind.Object when field.SelectionSet is { } selections:
                return Weight(parentType, definition) + ActualSet(selections, value, context);
            default:
                return Weight(parentType, definition);
        }
    }

    private double Weight(string parentType, SchemaField definition)
    {
        var named = definition.Type.NamedType;
        return _directives.Weight(parentType + "." + definition.Name)
            ?? _directives.Weight(named)
            ?? (_schema.FindType(named) is { IsComposite: true } ? 1 : 0);
    }

    private double ArgumentsCost(string parentType, FieldSelection field)
    {
        if (field.Arguments is not { } arguments || field.Definition is not { } definition)
        {
            return 0;
        }

        double cost = 0;
        foreach (var argument in arguments.Items)
        {
            var name = argument.Name.StringValue;
            if (_directives.Weight($"{parentType}.{field.Name}({name})") is { } weight)
            {
                cost += weight;
            }
            else if (definition.Arguments.FirstOrDefault(a => a.Name == name) is { } schemaArgument
                && _schema.FindType(schemaArgument.Type.NamedType) is { Kind: TypeKind.InputObject } inputType)
            {
                cost += _directives.Weight(inputType.Name) ?? 1;
            }
        }

        return cost;
    }

    private double ListSize(string parentType, FieldSelection field, ListSizeDirective? directive, Walk context)
    {
        if (directive is null)
        {
            return _defaultListSize;
        }

        if (directive.SlicingArguments.Count > 0)
        {
            var given = new List<double>();
            foreach (var name in directive.SlicingArguments)
            {
                if (IntArgument(field, name, context) is { } value)
                {
                    given.Add(value);
                }
            }

            if (directive.RequireOneSlicingArgument && given.Count != 1)
            {
                throw new CostException(
                    $"{parentType}.{field.Name} needs exactly one of its slicing arguments ({string.Join(", ", directive.SlicingArguments)}); {given.Count} were given.");
            }

            if (given.Count > 0)
            {
                return given.Max();
            }
        }

        return directive.AssumedSize ?? _defaultListSize;
    }

    private static double? IntArgument(FieldSelection field, string name, Walk context)
    {
        var value = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == name)?.Value;
        return value switch
        {
            GraphQLIntValue literal => double.Parse(literal.Value.Span, System.Globalization.CultureInfo.InvariantCulture),
            GraphQLVariable variable when context.Variables.ValueKind == JsonValueKind.Object
                && context.Variables.TryGetProperty(variable.Name.StringValue, out var bound) => bound.ValueKind == JsonValueKind.Number ? bound.GetDouble() : null,
            GraphQLVariable variable => DefaultOf(variable.Name.StringValue, context),
            _ => null,
        };
    }

    /// <summary>The declared default of a variable the request did not give (an Int literal), as the subgraph will see it.</summary>
    private static double? DefaultOf(string name, Walk context)
    {
        foreach (var definition in context.Definitions)
        {
            if (definition.Name == name)
            {
                return double.TryParse(definition.DefaultValue, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
                    ? value
                    : null;
            }
        }

        return null;
    }

    private static bool IsList(TypeRef type) => type.Nullable.IsList;

    private readonly record struct Walk(JsonElement Variables, IReadOnlyDictionary<string, bool> Booleans, IReadOnlyList<VariableDefinition> Definitions);
}
