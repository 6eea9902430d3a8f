using FederatedGateway.Core.Internal;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Supergraph;

/// <summary>
/// Reads an Apollo supergraph SDL (<c>@link</c> v1.0, join v0.2 to v0.5) into a <see cref="FederatedSchema"/>.
/// </summary>
public static class SupergraphReader
{
    private static readonly string[] BuiltInScalars = { "String", "Int", "Float", "Boolean", "ID" };

    /// <exception cref="SupergraphException">The document is not a valid supergraph.</exception>
    public static FederatedSchema Read(string sdl)
    {
        GraphQLDocument document;
        try
        {
            document = GraphQLParser.Parser.Parse(sdl, new GraphQLParser.ParserOptions { Ignore = GraphQLParser.IgnoreOptions.Comments });
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException ex)
        {
            throw new SupergraphException($"The supergraph is not valid GraphQL: {ex.Message}");
        }

        var schemaDefinitions = document.Definitions.OfType<GraphQLSchemaDefinition>().ToList();
        var schemaExtensions = document.Definitions.OfType<GraphQLSchemaExtension>().ToList();
        var specs = LinkedSpecs.Read(schemaDefinitions.Select(d => d.Directives).Concat(schemaExtensions.Select(e => e.Directives)));

        var subgraphs = ReadSubgraphs(document, specs);
        if (subgraphs.Count == 0)
        {
            throw new SupergraphException($"The supergraph declares no subgraphs (enum {specs.JoinDirective("Graph")} is missing or empty).");
        }

        var graphNames = subgraphs.ToDictionary(s => s.EnumValue, s => s.Name, StringComparer.Ordinal);
        var types = new List<KeyValuePair<string, SchemaType>>();
        var typeNames = new HashSet<string>(StringComparer.Ordinal);
        var directives = new List<GraphQLDirectiveDefinition>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLDirectiveDefinition directive:
                    if (!specs.IsSpecElement(directive.Name.StringValue))
                    {
                        directives.Add(directive);
                    }

                    break;
                case GraphQLTypeDefinition typeDefinition:
                    {
                        var name = typeDefinition.Name.StringValue;
                        if (specs.IsSpecElement(name))
                        {
                            continue;
                        }

                        if (!typeNames.Add(name))
                        {
                            throw new SupergraphException($"Type \"{name}\" is defined more than once.");
                        }

                        types.Add(KeyValuePair.Create(name, new TypeBuilder(specs, graphNames).Build(typeDefinition)));
                        break;
                    }

            }
        }

        foreach (var builtIn in BuiltInScalars)
        {
            if (typeNames.Add(builtIn))
            {
                types.Add(KeyValuePair.Create(builtIn, new SchemaType(builtIn, TypeKind.Scalar)
                {
                    IsBuiltIn = true,
                    Graphs = new FrozenOrderedDictionary<TypeInSubgraph>(
                        subgraphs.Select(s => KeyValuePair.Create(s.Name, new TypeInSubgraph(s.Name)))),
                }));
            }
        }

        var (query, mutation, subscription) = RootTypes(schemaDefinitions, typeNames);
        var schema = new FederatedSchema(new FrozenOrderedDictionary<SchemaType>(types), subgraphs, query, mutation, subscription, directives);
        ResolveFieldSets(schema);
        ResolveTypeReferences(schema);
        return schema;
    }

    private static List<SubgraphInfo> ReadSubgraphs(GraphQLDocument document, LinkedSpecs specs)
    {
        var enumName = specs.JoinDirective("Graph");
        var graphDirective = specs.JoinDirective("graph");
        var list = new List<SubgraphInfo>();
        foreach (var definition in document.Definitions.OfType<GraphQLEnumTypeDefinition>())
        {
            if (definition.Name.Value != enumName || definition.Values is null)
            {
                continue;
            }

            foreach (var value in definition.Values.Items)
            {
                var enumValue = value.Name.StringValue;
                var directive = Ast.Directive(value.Directives, graphDirective);
                var name = directive is null ? enumValue.ToLowerInvariant() : Ast.StringArgument(directive, "name") ?? enumValue;
                var url = directive is null ? string.Empty : Ast.StringArgument(directive, "url") ?? string.Empty;
                list.Add(new SubgraphInfo(enumValue, name, url));
            }
        }

        return list;
    }

    private static (string Query, string? Mutation, string? Subscription) RootTypes(
        List<GraphQLSchemaDefinition> definitions, HashSet<string> types)
    {
        string? query = null, mutation = null, subscription = null;
        foreach (var definition in definitions)
        {
            foreach (var root in definition.OperationTypes)
            {
                var name = root.Type!.Name.StringValue;
                switch (root.Operation)
                {
                    case OperationType.Query: query = name; break;
                    case OperationType.Mutation: mutation = name; break;
                    case OperationType.Subscription: subscription = name; break;
                }
            }
        }

        query ??= types.Contains("Query") ? "Query" : null;
        mutation ??= types.Contains("Mutation") ? "Mutation" : null;
        subscription ??= types.Contains("Subscription") ? "Subscription" : null;
        if (query is null || !types.Contains(query))
        {
            throw new SupergraphException("The supergraph has no query root type.");
        }

        return (query, mutation, subscription);
    }

    /// <summary>Parses keys, requires and provides now that every type is known.</summary>
    private static void ResolveFieldSets(FederatedSchema schema)
    {
        foreach (var type in schema.Types.Values)
        {
            foreach (var graph in type.Graphs.Values)
            {
                foreach (var key in graph.Keys)
                {
                    key.Resolve(Parse(schema, type.Name, key.Fields, "key"));
                }
            }

            foreach (var field in type.Fields.Values)
            {
                foreach (var info in field.Graphs.Values)
                {
                    if (info.Requires is not null)
                    {
                        info.ResolveRequires(Parse(schema, type.Name, info.Requires, "requires"));
                    }

                    if (info.Provides is not null)
                    {
                        info.ResolveProvides(Parse(schema, field.Type.NamedType, info.Provides, "provides"));
                    }
                }
            }
        }
    }

    /// <summary>
    /// Binds every type reference of fields and arguments to its type now, so that nothing in the schema is written
    /// after it is handed out (<see cref="FederatedSchema.FindType(TypeRef)"/> keeps the answer on the reference).
    /// </summary>
    private static void ResolveTypeReferences(FederatedSchema schema)
    {
        foreach (var type in schema.Types.Values)
        {
            foreach (var field in type.Fields.Values)
            {
                schema.FindNamedType(field.Type);
                foreach (var argument in field.Arguments)
                {
                    schema.FindNamedType(argument.Type);
                }
            }

            foreach (var inputField in type.InputFields)
            {
                schema.FindNamedType(inputField.Type);
            }
        }
    }

    private static SelectionSet Parse(FederatedSchema schema, string type, string fieldSet, string what)
    {
        try
        {
            return SelectionSetBuilder.ParseFieldSet(schema, type, fieldSet);
        }
        catch (Exception ex) when (ex is InvalidOperationException or GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            throw new SupergraphException($"Invalid {what} field set \"{fieldSet}\" on type \"{type}\": {ex.Message}");
        }
    }
}
