using GraphQLParser.AST;

namespace FederatedGateway.Core.Authorization;

/// <summary>
/// Reads <c>@authenticated</c>, <c>@requiresScopes(scopes: [[…]])</c> and <c>@policy(policies: [[…]])</c> from a
/// supergraph as Apollo's composer writes them: on object types, interfaces, scalars, enums and on fields of objects
/// and interfaces, under the names their <c>@link</c> gives them. Directives repeated on a type's definition and its
/// extensions add up.
/// </summary>
public static class AuthorizationRequirementsReader
{
    /// <exception cref="GraphQLParser.Exceptions.GraphQLSyntaxErrorException">The supergraph is not GraphQL.</exception>
    public static AuthorizationRequirements Read(string supergraphSdl) => Read(GraphQLParser.Parser.Parse(supergraphSdl));

    public static AuthorizationRequirements Read(GraphQLDocument supergraph)
    {
        var names = AuthorizationDirectiveNames.Read(supergraph);
        if (!names.Any)
        {
            return AuthorizationRequirements.Empty;
        }

        var types = new Dictionary<string, AuthorizationRequirement>(StringComparer.Ordinal);
        var fields = new Dictionary<(string, string), AuthorizationRequirement>();
        foreach (var definition in supergraph.Definitions)
        {
            if (definition is not IHasDirectivesNode typed || definition is not INamedNode named
                || definition is not (GraphQLObjectTypeDefinition or GraphQLObjectTypeExtension or GraphQLInterfaceTypeDefinition
                    or GraphQLInterfaceTypeExtension or GraphQLScalarTypeDefinition or GraphQLScalarTypeExtension
                    or GraphQLEnumTypeDefinition or GraphQLEnumTypeExtension))
            {
                continue;
            }

            var typeName = named.Name.StringValue;
            Add(types, typeName, Requirement(directives: typed.Directives, names));
            var fieldDefinitions = definition switch
            {
                GraphQLObjectTypeDefinition o => o.Fields,
                GraphQLObjectTypeExtension o => o.Fields,
                GraphQLInterfaceTypeDefinition i => i.Fields,
                GraphQLInterfaceTypeExtension i => i.Fields,
                _ => null,
            };
            foreach (var field in fieldDefinitions?.Items ?? [])
            {
                Add(fields, (typeName, field.Name.StringValue), Requirement(field.Directives, names));
            }
        }

        return new AuthorizationRequirements(types, fields);
    }

    private static void Add<TKey>(Dictionary<TKey, AuthorizationRequirement> map, TKey key, AuthorizationRequirement requirement)
        where TKey : notnull
    {
        if (requirement.IsNone)
        {
            return;
        }

        map[key] = map.TryGetValue(key, out var existing) ? existing.And(requirement) : requirement;
    }

    private static AuthorizationRequirement Requirement(GraphQLDirectives? directives, AuthorizationDirectiveNames names)
    {
        var requirement = AuthorizationRequirement.None;
        foreach (var directive in directives?.Items ?? [])
        {
            var name = directive.Name.StringValue;
            if (name == names.Authenticated)
            {
                requirement = requirement.And(new AuthorizationRequirement(true, [], []));
            }
            else if (name == names.RequiresScopes)
            {
                requirement = requirement.And(new AuthorizationRequirement(false, [Alternatives(directive, "scopes")], []));
            }
            else if (name == names.Policy)
            {
                requirement = requirement.And(new AuthorizationRequirement(false, [], [Alternatives(directive, "policies")]));
            }
        }

        return requirement;
    }

    /// <summary>
    /// <c>[[a, b], [c]]</c> (a and b, or c), with GraphQL's list coercion: <c>"a"</c> is <c>[["a"]]</c> and <c>["a", "b"]</c>
    /// is <c>[["a"], ["b"]]</c>. An empty list can never be satisfied.
    /// </summary>
    private static IReadOnlyList<IReadOnlyList<string>> Alternatives(GraphQLDirective directive, string argument)
    {
        var value = AuthorizationDirectiveNames.Argument(directive, argument);
        return value switch
        {
            GraphQLStringValue s => [[s.Value.ToString()]],
            GraphQLListValue { Values: { } outer } => outer.Select(IReadOnlyList<string> (inner) => inner switch
            {
                GraphQLStringValue s => [s.Value.ToString()],
                GraphQLListValue { Values: { } items } => items.OfType<GraphQLStringValue>().Select(s => s.Value.ToString()).ToArray(),
                _ => [],
            }).ToArray(),
            _ => [],
        };
    }
}
