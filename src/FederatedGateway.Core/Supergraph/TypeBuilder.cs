using FederatedGateway.Core.Internal;
using FederatedGateway.Core.Schema;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Supergraph;

/// <summary>Builds one <see cref="SchemaType"/> from its supergraph definition and join directives.</summary>
internal sealed class TypeBuilder
{
    private readonly LinkedSpecs _specs;
    private readonly IReadOnlyDictionary<string, string> _graphNames;

    public TypeBuilder(LinkedSpecs specs, IReadOnlyDictionary<string, string> graphNames)
    {
        _specs = specs;
        _graphNames = graphNames;
    }

    public SchemaType Build(GraphQLTypeDefinition definition)
    {
        var name = definition.Name.StringValue;
        var (kind, directives) = definition switch
        {
            GraphQLObjectTypeDefinition o => (TypeKind.Object, o.Directives),
            GraphQLInterfaceTypeDefinition i => (TypeKind.Interface, i.Directives),
            GraphQLUnionTypeDefinition u => (TypeKind.Union, u.Directives),
            GraphQLEnumTypeDefinition e => (TypeKind.Enum, e.Directives),
            GraphQLInputObjectTypeDefinition io => (TypeKind.InputObject, io.Directives),
            GraphQLScalarTypeDefinition s => (TypeKind.Scalar, s.Directives),
            _ => throw new SupergraphException($"Unsupported definition of \"{name}\"."),
        };

        var type = new SchemaType(name, kind)
        {
            Description = Ast.Description(definition.Description),
            Inaccessible = Ast.Directive(directives, _specs.Inaccessible) is not null,
        };

        ReadJoinTypes(type, directives);
        switch (definition)
        {
            case GraphQLObjectTypeDefinition o:
                AddInterfaces(type, o.Interfaces, directives);
                AddFields(type, o.Fields);
                break;
            case GraphQLInterfaceTypeDefinition i:
                AddInterfaces(type, i.Interfaces, directives);
                AddFields(type, i.Fields);
                break;
            case GraphQLUnionTypeDefinition u:
                AddUnionMembers(type, u, directives);
                break;
            case GraphQLEnumTypeDefinition e when e.Values is not null:
                foreach (var value in e.Values.Items)
                {
                    var deprecated = Ast.Directive(value.Directives, "deprecated");
                    type.EnumValues.Add(new SchemaEnumValue(
                        value.Name.StringValue,
                        Ast.Description(value.Description),
                        Ast.Directive(value.Directives, _specs.Inaccessible) is not null,
                        deprecated is null ? null : Ast.StringArgument(deprecated, "reason") ?? "No longer supported",
                        deprecated is not null));
                }

                break;
            case GraphQLInputObjectTypeDefinition io when io.Fields is not null:
                type.IsOneOf = Ast.Directive(io.Directives, "oneOf") is not null;
                foreach (var field in io.Fields.Items)
                {
                    type.InputFields.Add(Argument(field));
                }

                break;
            case GraphQLScalarTypeDefinition s:
                var specifiedBy = Ast.Directive(s.Directives, "specifiedBy");
                type.SpecifiedByUrl = specifiedBy is null ? null : Ast.StringArgument(specifiedBy, "url");
                break;
        }

        return type;
    }

    private void ReadJoinTypes(SchemaType type, GraphQLDirectives? directives)
    {
        var any = false;
        foreach (var directive in Ast.Directives(directives, _specs.JoinDirective("type")))
        {
            any = true;
            var graph = Graph(directive);
            if (!type.Graphs.TryGetValue(graph, out var info))
            {
                type.Graphs[graph] = info = new TypeInSubgraph(graph);
            }

            info.IsExtension |= Ast.BoolArgument(directive, "extension") ?? false;
            info.IsInterfaceObject |= Ast.BoolArgument(directive, "isInterfaceObject") ?? false;
            var key = Ast.StringArgument(directive, "key");
            if (key is not null)
            {
                // The selection is parsed once every type is known (SupergraphReader.ResolveFieldSets).
                info.Keys.Add(new EntityKey(key, new Operations.SelectionSet(type.Name, Array.Empty<Operations.Selection>()), Ast.BoolArgument(directive, "resolvable") ?? true));
            }
        }

        if (!any)
        {
            foreach (var graph in _graphNames.Values)
            {
                type.Graphs[graph] = new TypeInSubgraph(graph);
            }
        }
    }

    private void AddInterfaces(SchemaType type, GraphQLImplementsInterfaces? interfaces, GraphQLDirectives? directives)
    {
        if (interfaces is null)
        {
            return;
        }

        foreach (var iface in interfaces.Items)
        {
            type.Interfaces.Add(iface.Name.StringValue);
        }

        var any = false;
        foreach (var directive in Ast.Directives(directives, _specs.JoinDirective("implements")))
        {
            any = true;
            var graph = Graph(directive);
            if (type.Graphs.TryGetValue(graph, out var info))
            {
                info.Implements.Add(Ast.StringArgument(directive, "interface")!);
            }
        }

        if (!any)
        {
            foreach (var info in type.Graphs.Values)
            {
                info.Implements.UnionWith(type.Interfaces);
            }
        }
    }

    private void AddUnionMembers(SchemaType type, GraphQLUnionTypeDefinition union, GraphQLDirectives? directives)
    {
        if (union.Types is not null)
        {
            foreach (var member in union.Types.Items)
            {
                type.UnionMembers.Add(member.Name.StringValue);
            }
        }

        var any = false;
        foreach (var directive in Ast.Directives(directives, _specs.JoinDirective("unionMember")))
        {
            any = true;
            var graph = Graph(directive);
            if (type.Graphs.TryGetValue(graph, out var info))
            {
                info.UnionMembers.Add(Ast.StringArgument(directive, "member")!);
            }
        }

        if (!any)
        {
            foreach (var info in type.Graphs.Values)
            {
                info.UnionMembers.UnionWith(type.UnionMembers);
            }
        }
    }

    private void AddFields(SchemaType type, GraphQLFieldsDefinition? fields)
    {
        if (fields is null)
        {
            return;
        }

        var joinField = _specs.JoinDirective("field");
        foreach (var definition in fields.Items)
        {
            var deprecated = Ast.Directive(definition.Directives, "deprecated");
            var field = new SchemaField(type.Name, definition.Name.StringValue, TypeRefOf(definition.Type))
            {
                Description = Ast.Description(definition.Description),
                Inaccessible = Ast.Directive(definition.Directives, _specs.Inaccessible) is not null,
                IsDeprecated = deprecated is not null,
                DeprecationReason = deprecated is null ? null : Ast.StringArgument(deprecated, "reason") ?? "No longer supported",
            };

            if (definition.Arguments is not null)
            {
                foreach (var argument in definition.Arguments.Items)
                {
                    field.Arguments.Add(Argument(argument));
                }
            }

            var joins = Ast.Directives(definition.Directives, joinField).ToList();
            field.AppearsInAllTypeGraphs = joins.Count == 0;
            foreach (var directive in joins)
            {
                var graphEnum = Ast.StringArgument(directive, "graph");
                if (graphEnum is null)
                {
                    continue; // the bare form: the field comes from no subgraph directly
                }

                var graph = Graph(directive);
                field.Graphs[graph] = new FieldInSubgraph(graph)
                {
                    External = Ast.BoolArgument(directive, "external") ?? false,
                    UsedOverridden = Ast.BoolArgument(directive, "usedOverridden") ?? false,
                    Requires = Ast.StringArgument(directive, "requires"),
                    Provides = Ast.StringArgument(directive, "provides"),
                    Type = Ast.StringArgument(directive, "type"),
                    Override = Ast.StringArgument(directive, "override"),
                    OverrideLabel = Ast.StringArgument(directive, "overrideLabel"),
                };
            }

            type.Fields[field.Name] = field;
            type.FieldOrder.Add(field.Name);
        }
    }

    private SchemaArgument Argument(GraphQLInputValueDefinition definition) => new(
        definition.Name.StringValue,
        TypeRefOf(definition.Type),
        definition.DefaultValue,
        Ast.Description(definition.Description),
        Ast.Directive(definition.Directives, _specs.Inaccessible) is not null,
        definition.Directives);

    private string Graph(GraphQLDirective directive)
    {
        var value = Ast.StringArgument(directive, "graph")
            ?? throw new SupergraphException($"@{directive.Name.StringValue} is missing its graph argument.");
        return _graphNames.TryGetValue(value, out var name)
            ? name
            : throw new SupergraphException($"@{directive.Name.StringValue} names an unknown graph \"{value}\".");
    }

    public static TypeRef TypeRefOf(GraphQLType type) => type switch
    {
        GraphQLNamedType named => TypeRef.Named(named.Name.StringValue),
        GraphQLNonNullType nonNull => TypeRef.NonNull(TypeRefOf(nonNull.Type)),
        GraphQLListType list => TypeRef.List(TypeRefOf(list.Type)),
        _ => throw new SupergraphException("Unknown type reference."),
    };
}
