using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Composition.Subgraphs;

internal sealed partial class SubgraphReader
{
    private readonly HashSet<string> _baseDefined = new(StringComparer.Ordinal);
    private readonly HashSet<string> _extendedBySyntax = new(StringComparer.Ordinal);
    private readonly HashSet<string> _extendsDirective = new(StringComparer.Ordinal);

    /// <summary>The definition being read carries a type-level <c>@external</c>: all its fields are external.</summary>
    private bool _definitionIsExternal;

    private void ReadComposeDirectives(List<GraphQLDirectives?> schemaDirectives)
    {
        foreach (var directives in schemaDirectives)
        {
            foreach (var directive in directives?.Items ?? new List<GraphQLDirective>())
            {
                if (_federation.Canonical(directive.Name.StringValue) != "composeDirective")
                {
                    continue;
                }

                var name = FederationDirectives.StringArgument(directive, "name");
                if (name is null || !name.StartsWith('@'))
                {
                    Error(ErrorCodes.DirectiveCompositionError, $"@composeDirective(name: {name ?? "null"}) must name a directive starting with '@'.", null, directive);
                    continue;
                }

                var local = name[1..];
                if (!_directiveDefinitions.TryGetValue(local, out var definition))
                {
                    Error(ErrorCodes.DirectiveCompositionError, $"Could not find a definition for the directive \"{name}\" named by @composeDirective.", name, directive, "Define the directive in the subgraph schema.");
                    continue;
                }

                if (_federation.Canonical(local) is not null || BuiltInDirectives.Contains(local))
                {
                    Error(ErrorCodes.DirectiveCompositionError, $"Directive \"{name}\" is a federation or built-in directive and cannot be composed.", name, directive);
                    continue;
                }

                if (!_federation.OtherLinkImports.TryGetValue(local, out var url))
                {
                    Error(ErrorCodes.DirectiveCompositionError, $"Directive \"{name}\" passed to @composeDirective must be imported from a spec with @link(url:, import:).", name, directive, "Add @link(url: \"https://your.spec/name/v1.0\", import: [\"" + name + "\"]).");
                    continue;
                }

                _composedNames.Add(local);
                _schema.ComposedDirectives.Add(new ComposedDirective(local, definition, url));
            }
        }
    }

    private void ReadType(ASTNode node, string rawName, bool isExtensionSyntax)
    {
        var name = TypeName(rawName);
        if (IsFederationInternal(name))
        {
            return;
        }

        var kind = node switch
        {
            GraphQLObjectTypeDefinition or GraphQLObjectTypeExtension => TypeKind.Object,
            GraphQLInterfaceTypeDefinition or GraphQLInterfaceTypeExtension => TypeKind.Interface,
            GraphQLUnionTypeDefinition or GraphQLUnionTypeExtension => TypeKind.Union,
            GraphQLEnumTypeDefinition or GraphQLEnumTypeExtension => TypeKind.Enum,
            GraphQLInputObjectTypeDefinition or GraphQLInputObjectTypeExtension => TypeKind.InputObject,
            _ => TypeKind.Scalar,
        };

        if (!_schema.Types.TryGetValue(name, out var type))
        {
            type = new SubgraphType(name, kind, LocationOf(node));
            _schema.Types[name] = type;
        }
        else if (type.Kind != kind)
        {
            Error(ErrorCodes.InvalidGraphQL, $"Type \"{name}\" is defined as {Kinds.Describe(type.Kind)} and extended as {Kinds.Describe(kind)}.", name, node);
            return;
        }

        if (!(isExtensionSyntax ? _extendedBySyntax : _baseDefined).Add(name) && !isExtensionSyntax)
        {
            Error(ErrorCodes.InvalidGraphQL, $"There can be only one type named \"{name}\".", name, node, "Merge the definitions, or write the second one as \"extend type\".");
            return;
        }
        if (node is IHasDescriptionNode { Description: not null } described)
        {
            type.Description ??= described.Description.Value.ToString();
        }

        _definitionIsExternal = false;
        ReadTypeDirectives(type, (node as IHasDirectivesNode)?.Directives);
        if (node is IHasInterfacesNode withInterfaces)
        {
            ReadImplements(type, withInterfaces.Interfaces);
        }

        if (node is IHasFieldsDefinitionNode withFields)
        {
            ReadFields(type, withFields.Fields);
        }

        switch (node)
        {
            case GraphQLUnionTypeDefinition u:
                ReadMembers(type, u.Types);
                break;
            case GraphQLUnionTypeExtension u:
                ReadMembers(type, u.Types);
                break;
            case GraphQLEnumTypeDefinition e:
                ReadEnumValues(type, e.Values);
                break;
            case GraphQLEnumTypeExtension e:
                ReadEnumValues(type, e.Values);
                break;
            case GraphQLInputObjectTypeDefinition input:
                ReadInputFields(type, input.Fields);
                break;
            case GraphQLInputObjectTypeExtension input:
                ReadInputFields(type, input.Fields);
                break;
        }
    }

    private void ReadImplements(SubgraphType type, GraphQLImplementsInterfaces? interfaces)
    {
        foreach (var named in interfaces?.Items ?? new List<GraphQLNamedType>())
        {
            var name = named.Name.StringValue;
            if (!type.Implements.Contains(name))
            {
                type.Implements.Add(name);
            }
        }
    }

    private void ReadMembers(SubgraphType type, GraphQLUnionMemberTypes? members)
    {
        foreach (var named in members?.Items ?? new List<GraphQLNamedType>())
        {
            var name = TypeName(named.Name.StringValue);
            if (!type.UnionMembers.Contains(name))
            {
                type.UnionMembers.Add(name);
            }
        }
    }

    private void ReadEnumValues(SubgraphType type, GraphQLEnumValuesDefinition? values)
    {
        foreach (var definition in values?.Items ?? new List<GraphQLEnumValueDefinition>())
        {
            var value = new SubgraphEnumValue(definition.Name.StringValue) { Description = definition.Description?.Value.ToString() };
            foreach (var directive in Applied(definition.Directives, type.Name + "." + value.Name))
            {
                switch (directive.Canonical)
                {
                    case "inaccessible": value.IsInaccessible = true; break;
                    case "tag": AddTag(value.Tags, directive.Node); break;
                    case "deprecated": value.IsDeprecated = true; value.DeprecationReason = DeprecationReason(directive.Node, type.Name + "." + value.Name); break;
                    case "custom": value.CustomDirectives.Add(directive.Node); break;
                    case var name when IsAccessOrCost(name): ReadAccessOrCost(new AccessAndCostDirectives(), directive, type.Name + "." + value.Name, "ENUM_VALUE"); break;
                }
            }

            type.EnumValues.Add(value);
        }
    }

    private void ReadFields(SubgraphType type, GraphQLFieldsDefinition? fields)
    {
        foreach (var definition in fields?.Items ?? new List<GraphQLFieldDefinition>())
        {
            var fieldName = definition.Name.StringValue;
            if (type.Name == "Query" && fieldName is "_service" or "_entities")
            {
                continue;
            }

            var field = new SubgraphField(fieldName, TypeOf(definition.Type), LocationOf(definition))
            {
                Description = definition.Description?.Value.ToString(),
                IsExternal = _definitionIsExternal,
            };
            foreach (var argument in definition.Arguments?.Items ?? new List<GraphQLInputValueDefinition>())
            {
                field.Arguments.Add(ReadArgument(argument, $"{type.Name}.{fieldName}({argument.Name.StringValue}:)", "ARGUMENT_DEFINITION"));
            }

            ReadFieldDirectives(type, field, definition.Directives);
            AddField(type, field, definition);
        }
    }

    private void ReadInputFields(SubgraphType type, GraphQLInputFieldsDefinition? fields)
    {
        foreach (var definition in fields?.Items ?? new List<GraphQLInputValueDefinition>())
        {
            var argument = ReadArgument(definition, $"{type.Name}.{definition.Name.StringValue}", "INPUT_FIELD_DEFINITION");
            var field = new SubgraphField(argument.Name, argument.Type, LocationOf(definition))
            {
                Description = argument.Description,
                DefaultValue = argument.DefaultValue,
                IsInaccessible = argument.IsInaccessible,
                IsDeprecated = argument.IsDeprecated,
                DeprecationReason = argument.DeprecationReason,
                AccessAndCost = argument.AccessAndCost,
            };
            field.Tags.AddRange(argument.Tags);
            field.CustomDirectives.AddRange(argument.CustomDirectives);
            AddField(type, field, definition);
        }
    }

    private void AddField(SubgraphType type, SubgraphField field, ASTNode node)
    {
        if (type.Field(field.Name) is not null)
        {
            Error(ErrorCodes.InvalidGraphQL, $"Field \"{type.Name}.{field.Name}\" is defined more than once.", $"{type.Name}.{field.Name}", node, "Remove or rename one of the definitions.");
            return;
        }

        type.Fields.Add(field);
    }

    private SubgraphArgument ReadArgument(GraphQLInputValueDefinition definition, string coordinate, string location)
    {
        var argument = new SubgraphArgument(definition.Name.StringValue, TypeOf(definition.Type))
        {
            Description = definition.Description?.Value.ToString(),
            DefaultValue = definition.DefaultValue,
        };
        foreach (var directive in Applied(definition.Directives, coordinate))
        {
            switch (directive.Canonical)
            {
                case "inaccessible": argument.IsInaccessible = true; break;
                case "tag": AddTag(argument.Tags, directive.Node); break;
                case "deprecated": argument.IsDeprecated = true; argument.DeprecationReason = DeprecationReason(directive.Node, coordinate); break;
                case "custom": argument.CustomDirectives.Add(directive.Node); break;
                case var name when IsAccessOrCost(name): ReadAccessOrCost(argument.AccessAndCost, directive, coordinate, location); break;
            }
        }

        return argument;
    }

    private TypeRef TypeOf(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => TypeRef.NonNull(TypeOf(nonNull.Type)),
        GraphQLListType list => TypeRef.List(TypeOf(list.Type)),
        GraphQLNamedType named => TypeRef.Named(TypeName(named.Name.StringValue)),
        _ => throw new InvalidOperationException("Unknown type node."),
    };

    private static void AddTag(List<string> tags, GraphQLDirective directive)
    {
        var name = FederationDirectives.StringArgument(directive, "name");
        if (name is not null && !tags.Contains(name))
        {
            tags.Add(name);
        }
    }
}
