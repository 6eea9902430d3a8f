using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace FederatedGateway.Core.SchemaChanges.Model;

/// <summary>
/// A schema read from SDL for comparison: named types (extensions merged into their definitions), directive
/// definitions and root operation types. Built-in scalars and directives count as present when not written.
/// </summary>
internal sealed class SdlSchema
{
    private static readonly string[] BuiltInScalars = ["String", "Int", "Float", "Boolean", "ID"];

    public Dictionary<string, SdlType> Types { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SdlDirective> Directives { get; } = new(StringComparer.Ordinal);

    /// <summary>query, mutation, subscription to their type names.</summary>
    public Dictionary<string, string> RootTypes { get; } = new(StringComparer.Ordinal);

    /// <exception cref="GraphQLSyntaxErrorException">The SDL does not parse.</exception>
    public static SdlSchema Parse(string sdl)
    {
        var document = Parser.Parse(sdl, new ParserOptions { Ignore = IgnoreOptions.Comments });
        var schema = new SdlSchema();
        foreach (var definition in document.Definitions)
        {
            schema.Add(definition);
        }

        foreach (var scalar in BuiltInScalars)
        {
            schema.Types.TryAdd(scalar, new SdlType(scalar, "scalar"));
        }

        if (schema.RootTypes.Count == 0)
        {
            // No schema definition: the conventional names, when those types exist.
            foreach (var (operation, type) in new[] { ("query", "Query"), ("mutation", "Mutation"), ("subscription", "Subscription") })
            {
                if (schema.Types.ContainsKey(type))
                {
                    schema.RootTypes[operation] = type;
                }
            }
        }

        return schema;
    }

    private void Add(ASTNode definition)
    {
        switch (definition)
        {
            case GraphQLSchemaDefinition root:
                AddRoots(root.OperationTypes);
                break;
            case GraphQLSchemaExtension root when root.OperationTypes is { } operations:
                AddRoots(operations);
                break;
            case GraphQLDirectiveDefinition directive:
                Directives[directive.Name.StringValue] = new SdlDirective(
                    directive.Name.StringValue,
                    InputValues(directive.Arguments?.Items),
                    directive.Locations.Items.Select(l => l.ToString()).ToHashSet(StringComparer.Ordinal),
                    directive.Repeatable,
                    Describe(directive.Description));
                break;
            case GraphQLObjectTypeDefinition type:
                AddFields(Type(type.Name, "type", type.Description), type.Interfaces, type.Fields);
                break;
            case GraphQLObjectTypeExtension type:
                AddFields(Type(type.Name, "type", null), type.Interfaces, type.Fields);
                break;
            case GraphQLInterfaceTypeDefinition type:
                AddFields(Type(type.Name, "interface", type.Description), type.Interfaces, type.Fields);
                break;
            case GraphQLInterfaceTypeExtension type:
                AddFields(Type(type.Name, "interface", null), type.Interfaces, type.Fields);
                break;
            case GraphQLUnionTypeDefinition type:
                AddMembers(Type(type.Name, "union", type.Description), type.Types);
                break;
            case GraphQLUnionTypeExtension type:
                AddMembers(Type(type.Name, "union", null), type.Types);
                break;
            case GraphQLEnumTypeDefinition type:
                AddValues(Type(type.Name, "enum", type.Description), type.Values);
                break;
            case GraphQLEnumTypeExtension type:
                AddValues(Type(type.Name, "enum", null), type.Values);
                break;
            case GraphQLInputObjectTypeDefinition type:
                AddInputFields(Type(type.Name, "input", type.Description), type.Fields, type.Directives);
                break;
            case GraphQLInputObjectTypeExtension type:
                AddInputFields(Type(type.Name, "input", null), type.Fields, type.Directives);
                break;
            case GraphQLScalarTypeDefinition type:
                Type(type.Name, "scalar", type.Description).SpecifiedBy = SpecifiedBy(type.Directives);
                break;
            case GraphQLScalarTypeExtension type when SpecifiedBy(type.Directives) is { } url:
                Type(type.Name, "scalar", null).SpecifiedBy = url;
                break;
        }
    }

    private void AddRoots(List<GraphQLRootOperationTypeDefinition> operations)
    {
        foreach (var operation in operations)
        {
            RootTypes[operation.Operation.ToString().ToLowerInvariant()] = operation.Type!.Name.StringValue;
        }
    }

    private SdlType Type(GraphQLName name, string kind, GraphQLDescription? description)
    {
        if (!Types.TryGetValue(name.StringValue, out var type))
        {
            type = new SdlType(name.StringValue, kind);
            Types[type.Name] = type;
        }

        type.Description ??= Describe(description);
        return type;
    }

    private static void AddFields(SdlType type, GraphQLImplementsInterfaces? interfaces, GraphQLFieldsDefinition? fields)
    {
        foreach (var named in interfaces?.Items ?? [])
        {
            type.Interfaces.Add(named.Name.StringValue);
        }

        foreach (var field in fields?.Items ?? [])
        {
            type.Fields[field.Name.StringValue] = new SdlField(
                field.Name.StringValue, SdlTypeRef.From(field.Type), InputValues(field.Arguments?.Items), Describe(field.Description), Deprecation(field.Directives));
        }
    }

    private static void AddMembers(SdlType type, GraphQLUnionMemberTypes? members)
    {
        foreach (var member in members?.Items ?? [])
        {
            type.UnionMembers.Add(member.Name.StringValue);
        }
    }

    private static void AddValues(SdlType type, GraphQLEnumValuesDefinition? values)
    {
        foreach (var value in values?.Items ?? [])
        {
            var name = value.EnumValue.Name.StringValue;
            type.EnumValues[name] = new SdlEnumValue(name, Describe(value.Description), Deprecation(value.Directives));
        }
    }

    private static void AddInputFields(SdlType type, GraphQLInputFieldsDefinition? fields, GraphQLDirectives? directives)
    {
        type.IsOneOf |= directives?.Items.Any(d => d.Name.StringValue == "oneOf") == true;
        foreach (var (name, value) in InputValues(fields?.Items))
        {
            type.InputFields[name] = value;
        }
    }

    private static Dictionary<string, SdlInputValue> InputValues(List<GraphQLInputValueDefinition>? values)
    {
        var result = new Dictionary<string, SdlInputValue>(StringComparer.Ordinal);
        foreach (var value in values ?? [])
        {
            result[value.Name.StringValue] = new SdlInputValue(
                value.Name.StringValue,
                SdlTypeRef.From(value.Type),
                value.DefaultValue is { } defaultValue ? new SDLPrinter().Print(defaultValue) : null,
                Describe(value.Description),
                Deprecation(value.Directives));
        }

        return result;
    }

    private static string? Describe(GraphQLDescription? description) => description is null ? null : description.Value.ToString().Trim();

    /// <summary>The deprecation reason (the default one when none is given), or null when not deprecated.</summary>
    private static string? Deprecation(GraphQLDirectives? directives)
    {
        var deprecated = directives?.Items.FirstOrDefault(d => d.Name.StringValue == "deprecated");
        if (deprecated is null)
        {
            return null;
        }

        var reason = deprecated.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "reason")?.Value as GraphQLStringValue;
        return reason?.Value.ToString() ?? "No longer supported";
    }

    private static string? SpecifiedBy(GraphQLDirectives? directives) =>
        (directives?.Items.FirstOrDefault(d => d.Name.StringValue == "specifiedBy")?.Arguments?.Items
            .FirstOrDefault(a => a.Name.StringValue == "url")?.Value as GraphQLStringValue)?.Value.ToString();
}
