using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>
/// The checks the field-set rules share. A field set gets one problem at most (the first one found, walking it in
/// order), so the rule owning that problem's code reports it and the others stay silent.
/// </summary>
internal static class FieldSetChecks
{
    private const string ExternalHint = "if the field is defined in another subgraph, you need to add it to this subgraph with @external";

    /// <summary>The prefix of every field-set message of <paramref name="type"/>'s key.</summary>
    public static string KeyPrefix(SubgraphType type, SubgraphKey key) => $"On type \"{type.Name}\", for @key(fields: \"{key.Fields}\"): ";

    /// <summary>The prefix of every field-set message of a @requires or @provides on <paramref name="coordinate"/>.</summary>
    public static string FieldPrefix(string coordinate, string directive, string? fields) => $"On field \"{coordinate}\", for @{directive}(fields: \"{fields}\"): ";

    /// <summary>Keys are checked on object and interface types only (another kind with @key is an <see cref="KeyOnInvalidTypeRule"/> error).</summary>
    public static bool CanHaveKeys(SubgraphType type) => type.Kind is TypeKind.Object or TypeKind.Interface;

    /// <summary>The type a @provides on <paramref name="field"/> selects from, null when it is not a composite type.</summary>
    public static SubgraphType? ProvidedType(SubgraphSchema schema, SubgraphField field) =>
        schema.Type(field.Type.NamedType) is { Kind: TypeKind.Object or TypeKind.Interface or TypeKind.Union } target ? target : null;

    /// <summary>The first problem of <paramref name="set"/>: unknown fields, aliases, fragments, directives, arguments or wrong selections.</summary>
    public static FieldSetProblem? FirstProblem(SubgraphSchema schema, string typeName, FieldSet set, string prefix, FieldSetCodes codes, bool isKey)
    {
        foreach (var item in set.Items)
        {
            if (item.IsFragmentSpread || item.HasAlias)
            {
                return new FieldSetProblem(codes.InvalidFields, prefix + "named fragments and aliases are not allowed in a field set.", typeName);
            }

            if (item.HasDirectives)
            {
                return new FieldSetProblem(codes.HasDirectiveInFieldsArg, prefix + "directives are not allowed in a field set.", typeName);
            }

            if (item.Name is null)
            {
                var condition = item.TypeCondition ?? typeName;
                if (isKey || schema.Type(condition) is null)
                {
                    return new FieldSetProblem(codes.InvalidFields, prefix + (isKey ? "inline fragments are not allowed in a @key." : $"unknown type \"{condition}\" in a type condition."), typeName);
                }

                if (item.Children is null)
                {
                    return FieldSetProblem.Unreported;
                }

                if (FirstProblem(schema, condition, item.Children, prefix, codes, isKey) is { } nested)
                {
                    return nested;
                }

                continue;
            }

            if (item.Name == "__typename")
            {
                continue;
            }

            var element = $"{typeName}.{item.Name}";
            var field = schema.Field(typeName, item.Name);
            if (field is null)
            {
                return new FieldSetProblem(codes.InvalidFields, prefix + $"Cannot query field \"{item.Name}\" on type \"{typeName}\" ({ExternalHint}).", element,
                    $"Add \"{item.Name}\" to \"{typeName}\" in this subgraph (marked @external if another subgraph resolves it), or fix the field set.");
            }

            if (isKey && field.Arguments.Count > 0)
            {
                return new FieldSetProblem(ErrorCodes.KeyFieldsHasArgs, prefix + $"field \"{element}\" includes arguments (fields with argument are not allowed in @key).", element);
            }

            var fieldType = schema.Type(field.Type.NamedType);
            var composite = fieldType is not null && fieldType.Kind is TypeKind.Object or TypeKind.Interface or TypeKind.Union;
            if (isKey && fieldType is not null && fieldType.Kind is TypeKind.Interface or TypeKind.Union)
            {
                return new FieldSetProblem(ErrorCodes.KeyFieldsSelectInvalidType, prefix + $"field \"{element}\" is a {(fieldType.Kind == TypeKind.Union ? "Union" : "Interface")} type which is not allowed in @key.", element);
            }

            if (composite && item.Children is null)
            {
                return new FieldSetProblem(codes.InvalidFields, prefix + $"Field \"{element}\" of type \"{field.Type}\" must have a selection of subfields.", element);
            }

            if (!composite && item.Children is not null)
            {
                return new FieldSetProblem(codes.InvalidFields, prefix + $"Field \"{element}\" must not have a selection since type \"{field.Type}\" has no subfields.", element);
            }

            if (item.Children is not null && FirstProblem(schema, field.Type.NamedType, item.Children, prefix, codes, isKey) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    /// <summary>Reports every problem of the @key field sets of the subgraph whose code is <paramref name="code"/>.</summary>
    public static void ReportKeyProblems(SubgraphRuleContext context, string code)
    {
        foreach (var type in context.Schema.Types.Values)
        {
            if (!CanHaveKeys(type))
            {
                continue;
            }

            foreach (var key in type.Keys)
            {
                if (FirstProblem(context.Schema, type.Name, key.Selection, KeyPrefix(type, key), FieldSetCodes.Key, isKey: true) is { } problem && problem.Code == code)
                {
                    context.Error(problem.Code, problem.Message, problem.Element, type.Location, problem.Hint);
                }
            }
        }
    }
}
