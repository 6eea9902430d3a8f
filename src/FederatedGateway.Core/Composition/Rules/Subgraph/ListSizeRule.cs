using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>
/// <c>@listSize</c> must describe a list: on a list field (or, with <c>sizedFields</c>, on a field whose type has those
/// list fields), with an assumed size that is not negative and slicing arguments that are <c>Int</c> arguments of the field.
/// </summary>
internal sealed class ListSizeRule : ISubgraphRule
{
    public IReadOnlyList<string> Codes { get; } =
        [ErrorCodes.ListSizeAppliedToNonList, ErrorCodes.ListSizeInvalidAssumedSize, ErrorCodes.ListSizeInvalidSlicingArgument, ErrorCodes.ListSizeInvalidSizedField];

    public void Validate(SubgraphRuleContext context)
    {
        foreach (var type in context.Schema.Types.Values)
        {
            foreach (var field in type.Fields)
            {
                if (field.AccessAndCost.ListSize is { } listSize)
                {
                    Validate(context, type, field, listSize);
                }
            }
        }
    }

    private static void Validate(SubgraphRuleContext context, SubgraphType type, SubgraphField field, ListSizeArguments listSize)
    {
        var coordinate = $"{type.Name}.{field.Name}";
        if ((listSize.SizedFields?.Count ?? 0) == 0 && !field.Type.Nullable.IsList)
        {
            context.Error(ErrorCodes.ListSizeAppliedToNonList, $"\"{coordinate}\" is not a list.", coordinate, field.Location, "Apply @listSize to list fields, or name the list fields of the returned type in sizedFields.");
        }

        if (listSize.AssumedSize < 0)
        {
            context.Error(ErrorCodes.ListSizeInvalidAssumedSize, $"Assumed size of \"{coordinate}\" cannot be negative.", coordinate, field.Location);
        }

        foreach (var name in listSize.SlicingArguments ?? [])
        {
            var argument = field.Argument(name);
            if (argument is null)
            {
                context.Error(ErrorCodes.ListSizeInvalidSlicingArgument, $"Slicing argument \"{name}\" is not an argument of \"{coordinate}\".", coordinate, field.Location, "Name an Int argument of the field.");
            }
            else if (argument.Type.Nullable.IsList || argument.Type.Nullable.Name != "Int")
            {
                context.Error(ErrorCodes.ListSizeInvalidSlicingArgument, $"Slicing argument \"{coordinate}({name}:)\" must be Int or Int!.", coordinate, field.Location);
            }
        }

        if ((listSize.SizedFields?.Count ?? 0) == 0)
        {
            return;
        }

        var returned = context.Schema.Type(field.Type.NamedType);
        if (returned is null || returned.Kind is not (TypeKind.Object or TypeKind.Interface or TypeKind.Union))
        {
            context.Error(ErrorCodes.ListSizeInvalidSizedField, $"Sized fields cannot be used because \"{field.Type}\" is not a composite type.", coordinate, field.Location);
            return;
        }

        foreach (var name in listSize.SizedFields!)
        {
            var sized = returned.Field(name);
            if (sized is null)
            {
                context.Error(ErrorCodes.ListSizeInvalidSizedField, $"Sized field \"{name}\" is not a field on type \"{returned.Name}\".", coordinate, field.Location);
            }
            else if (!sized.Type.Nullable.IsList)
            {
                context.Error(ErrorCodes.ListSizeAppliedToNonList, $"Sized field \"{returned.Name}.{name}\" is not a list.", coordinate, field.Location);
            }
        }
    }
}
