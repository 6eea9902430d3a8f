using System.Collections.Frozen;
using System.Collections.Immutable;
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

        var graphs = ReadJoinTypes(directives);
        var graphNames = graphs.Select(g => g.Graph).ToArray();
        var interfaces = definition switch
        {
            GraphQLObjectTypeDefinition o => Names(o.Interfaces?.Items.Select(i => i.Name)),
            GraphQLInterfaceTypeDefinition i => Names(i.Interfaces?.Items.Select(i => i.Name)),
            _ => ImmutableArray<string>.Empty,
        };
        var unionMembers = definition is GraphQLUnionTypeDefinition union
            ? Names(union.Types?.Items.Select(t => t.Name))
            : ImmutableArray<string>.Empty;
        var implements = PerGraph(graphNames, directives, "implements", "interface", interfaces);
        var members = PerGraph(graphNames, directives, "unionMember", "member", unionMembers);
        var fields = definition switch
        {
            GraphQLObjectTypeDefinition o => Fields(name, o.Fields, graphNames),
            GraphQLInterfaceTypeDefinition i => Fields(name, i.Fields, graphNames),
            _ => FrozenOrderedDictionary<SchemaField>.Empty,
        };
        var specifiedBy = definition is GraphQLScalarTypeDefinition scalar ? Ast.Directive(scalar.Directives, "specifiedBy") : null;

        return new SchemaType(name, kind)
        {
            Description = Ast.Description(definition.Description),
            Inaccessible = Ast.Directive(directives, _specs.Inaccessible) is not null,
            Interfaces = interfaces,
            UnionMembers = unionMembers,
            Fields = fields,
            EnumValues = definition is GraphQLEnumTypeDefinition enumType ? EnumValues(enumType) : ImmutableArray<SchemaEnumValue>.Empty,
            InputFields = definition is GraphQLInputObjectTypeDefinition input && input.Fields is not null
                ? input.Fields.Items.Select(Argument).ToImmutableArray()
                : ImmutableArray<SchemaArgument>.Empty,
            IsOneOf = definition is GraphQLInputObjectTypeDefinition oneOf && Ast.Directive(oneOf.Directives, "oneOf") is not null,
            SpecifiedByUrl = specifiedBy is null ? null : Ast.StringArgument(specifiedBy, "url"),
            Graphs = new FrozenOrderedDictionary<TypeInSubgraph>(graphs.Select(g => KeyValuePair.Create(g.Graph, new TypeInSubgraph(g.Graph)
            {
                IsExtension = g.IsExtension,
                IsInterfaceObject = g.IsInterfaceObject,
                Keys = g.Keys.ToImmutableArray(),
                Implements = implements[g.Graph].ToFrozenSet(StringComparer.Ordinal),
                UnionMembers = members[g.Graph].ToFrozenSet(StringComparer.Ordinal),
            }))),
        };
    }

    private static ImmutableArray<string> Names(IEnumerable<GraphQLName>? names) =>
        names is null ? ImmutableArray<string>.Empty : names.Select(n => n.StringValue).ToImmutableArray();

    private ImmutableArray<SchemaEnumValue> EnumValues(GraphQLEnumTypeDefinition definition)
    {
        if (definition.Values is null)
        {
            return ImmutableArray<SchemaEnumValue>.Empty;
        }

        var values = ImmutableArray.CreateBuilder<SchemaEnumValue>(definition.Values.Count);
        foreach (var value in definition.Values.Items)
        {
            var deprecated = Ast.Directive(value.Directives, "deprecated");
            values.Add(new SchemaEnumValue(
                value.Name.StringValue,
                Ast.Description(value.Description),
                Ast.Directive(value.Directives, _specs.Inaccessible) is not null,
                deprecated is null ? null : Ast.StringArgument(deprecated, "reason") ?? "No longer supported",
                deprecated is not null));
        }

        return values.MoveToImmutable();
    }

    /// <summary>The <c>@join__type</c>s of a type, one entry per subgraph, in the supergraph's order.</summary>
    private List<JoinTypeDraft> ReadJoinTypes(GraphQLDirectives? directives)
    {
        var graphs = new List<JoinTypeDraft>();
        foreach (var directive in Ast.Directives(directives, _specs.JoinDirective("type")))
        {
            var info = JoinTypeDraft.GetOrAdd(graphs, Graph(directive));
            info.IsExtension |= Ast.BoolArgument(directive, "extension") ?? false;
            info.IsInterfaceObject |= Ast.BoolArgument(directive, "isInterfaceObject") ?? false;
            var key = Ast.StringArgument(directive, "key");
            if (key is not null)
            {
                // The selection is bound once every type is known (SupergraphReader.ResolveFieldSets).
                info.Keys.Add(new EntityKey(key, Ast.BoolArgument(directive, "resolvable") ?? true));
            }
        }

        if (graphs.Count == 0)
        {
            foreach (var graph in _graphNames.Values)
            {
                JoinTypeDraft.GetOrAdd(graphs, graph);
            }
        }

        return graphs;
    }

    /// <summary>
    /// Per subgraph of the type, what <c>@join__implements</c> / <c>@join__unionMember</c> lists for it; without any such
    /// directive, every subgraph of the type has all of <paramref name="all"/>.
    /// </summary>
    private Dictionary<string, List<string>> PerGraph(
        IReadOnlyList<string> graphs, GraphQLDirectives? directives, string directiveName, string argument, ImmutableArray<string> all)
    {
        var result = graphs.ToDictionary(g => g, _ => new List<string>(), StringComparer.Ordinal);
        var any = false;
        foreach (var directive in Ast.Directives(directives, _specs.JoinDirective(directiveName)))
        {
            any = true;
            if (result.TryGetValue(Graph(directive), out var list))
            {
                list.Add(Ast.StringArgument(directive, argument)!);
            }
        }

        if (!any)
        {
            foreach (var list in result.Values)
            {
                list.AddRange(all);
            }
        }

        return result;
    }

    private FrozenOrderedDictionary<SchemaField> Fields(string typeName, GraphQLFieldsDefinition? fields, IReadOnlyList<string> typeGraphs)
    {
        if (fields is null)
        {
            return FrozenOrderedDictionary<SchemaField>.Empty;
        }

        var joinField = _specs.JoinDirective("field");
        var result = new List<KeyValuePair<string, SchemaField>>(fields.Items.Count);
        foreach (var definition in fields.Items)
        {
            var deprecated = Ast.Directive(definition.Directives, "deprecated");
            var joins = Ast.Directives(definition.Directives, joinField).ToList();
            var field = new SchemaField(typeName, definition.Name.StringValue, TypeRefOf(definition.Type))
            {
                Description = Ast.Description(definition.Description),
                Inaccessible = Ast.Directive(definition.Directives, _specs.Inaccessible) is not null,
                IsDeprecated = deprecated is not null,
                DeprecationReason = deprecated is null ? null : Ast.StringArgument(deprecated, "reason") ?? "No longer supported",
                Arguments = definition.Arguments is null
                    ? ImmutableArray<SchemaArgument>.Empty
                    : definition.Arguments.Items.Select(Argument).ToImmutableArray(),
                AppearsInAllTypeGraphs = joins.Count == 0,
                Graphs = joins.Count == 0
                    ? new FrozenOrderedDictionary<FieldInSubgraph>(typeGraphs.Select(g => KeyValuePair.Create(g, new FieldInSubgraph(g))))
                    : new FrozenOrderedDictionary<FieldInSubgraph>(FieldGraphs(joins)),
            };

            result.Add(KeyValuePair.Create(field.Name, field));
        }

        return new FrozenOrderedDictionary<SchemaField>(result);
    }

    private IEnumerable<KeyValuePair<string, FieldInSubgraph>> FieldGraphs(List<GraphQLDirective> joins)
    {
        foreach (var directive in joins)
        {
            if (Ast.StringArgument(directive, "graph") is null)
            {
                continue; // the bare form: the field comes from no subgraph directly
            }

            var graph = Graph(directive);
            yield return KeyValuePair.Create(graph, new FieldInSubgraph(graph)
            {
                External = Ast.BoolArgument(directive, "external") ?? false,
                UsedOverridden = Ast.BoolArgument(directive, "usedOverridden") ?? false,
                Requires = Ast.StringArgument(directive, "requires"),
                Provides = Ast.StringArgument(directive, "provides"),
                Type = Ast.StringArgument(directive, "type"),
                Override = Ast.StringArgument(directive, "override"),
                OverrideLabel = Ast.StringArgument(directive, "overrideLabel"),
            });
        }
    }

    private SchemaArgument Argument(GraphQLInputValueDefinition definition)
    {
        var deprecated = Ast.Directive(definition.Directives, "deprecated");
        return new SchemaArgument(
            definition.Name.StringValue,
            TypeRefOf(definition.Type),
            definition.DefaultValue,
            Ast.Description(definition.Description),
            Ast.Directive(definition.Directives, _specs.Inaccessible) is not null,
            deprecated is null ? null : Ast.StringArgument(deprecated, "reason") ?? "No longer supported");
    }

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
