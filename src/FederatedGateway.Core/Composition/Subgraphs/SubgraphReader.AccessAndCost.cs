using System.Globalization;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Composition.Subgraphs;

internal sealed partial class SubgraphReader
{
    private const string AuthorizationLocations = "FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM";
    private const string CostLocations = "ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR";
    private const string ListSizeLocations = "FIELD_DEFINITION";

    private static bool IsAccessOrCost(string canonical) => canonical is "authenticated" or "requiresScopes" or "policy" or "cost" or "listSize";

    /// <summary>
    /// Reads an authorization or cost directive applied at <paramref name="location"/> (a GraphQL directive location such
    /// as <c>OBJECT</c>) into <paramref name="target"/>, checking where it may be applied and its arguments.
    /// </summary>
    private void ReadAccessOrCost(AccessAndCostDirectives target, AppliedDirective directive, string coordinate, string location)
    {
        var local = directive.Node.Name.StringValue;
        var allowed = directive.Canonical switch
        {
            "cost" => CostLocations,
            "listSize" => ListSizeLocations,
            _ => AuthorizationLocations,
        };
        if (!allowed.Split(" | ").Contains(location))
        {
            Error(ErrorCodes.InvalidGraphQL, $"Directive \"@{local}\" may not be used on {location}.", coordinate, directive.Node, $"@{local} may be used on {allowed}.");
            return;
        }

        _schema.AccessAndCostNames.TryAdd(directive.Canonical, local);
        var repeated = directive.Canonical switch
        {
            "authenticated" => target.Authenticated,
            "requiresScopes" => target.Scopes is not null,
            "policy" => target.Policies is not null,
            "cost" => target.CostWeight is not null,
            _ => target.ListSize is not null,
        };
        if (repeated)
        {
            Error(ErrorCodes.InvalidGraphQL, $"The directive \"@{local}\" can only be used once at this location ({coordinate}).", coordinate, directive.Node);
            return;
        }

        switch (directive.Canonical)
        {
            case "authenticated":
                target.Authenticated = true;
                break;
            case "requiresScopes":
                target.Scopes = Alternatives(directive.Node, "scopes", coordinate);
                break;
            case "policy":
                target.Policies = Alternatives(directive.Node, "policies", coordinate);
                break;
            case "cost":
                target.CostWeight = IntArgument(directive.Node, "weight", coordinate, required: true) ?? 0;
                break;
            default:
                target.ListSize = new ListSizeArguments(
                    IntArgument(directive.Node, "assumedSize", coordinate, required: false),
                    StringsArgument(directive.Node, "slicingArguments", coordinate),
                    StringsArgument(directive.Node, "sizedFields", coordinate),
                    FederationDirectives.Argument(directive.Node, "requireOneSlicingArgument") switch
                    {
                        null or GraphQLNullValue => null,
                        GraphQLBooleanValue b => b.BoolValue,
                        var other => InvalidArgument<bool?>(directive.Node, "requireOneSlicingArgument", "Boolean", other, coordinate),
                    });
                break;
        }
    }

    /// <summary><c>[[a, b], [c]]</c> with GraphQL's list coercion (<c>"a"</c> is <c>[["a"]]</c>, <c>["a", "b"]</c> is <c>[["a"], ["b"]]</c>).</summary>
    private IReadOnlyList<IReadOnlyList<string>> Alternatives(GraphQLDirective directive, string argument, string coordinate)
    {
        var value = FederationDirectives.Argument(directive, argument);
        if (value is null or GraphQLNullValue)
        {
            Error(ErrorCodes.InvalidGraphQL, $"Directive \"@{directive.Name.StringValue}\" on {coordinate}: argument \"{argument}\" is required.", coordinate, directive);
            return [];
        }

        var alternatives = new List<IReadOnlyList<string>>();
        foreach (var item in value is GraphQLListValue outer ? outer.Values ?? [] : [value])
        {
            var names = new List<string>();
            foreach (var name in item is GraphQLListValue inner ? inner.Values ?? [] : [item])
            {
                if (name is GraphQLStringValue s)
                {
                    names.Add(s.Value.ToString());
                }
                else
                {
                    return InvalidArgument<IReadOnlyList<IReadOnlyList<string>>>(directive, argument, "[[String!]!]!", value, coordinate) ?? [];
                }
            }

            alternatives.Add(names);
        }

        return alternatives;
    }

    private int? IntArgument(GraphQLDirective directive, string argument, string coordinate, bool required)
    {
        var value = FederationDirectives.Argument(directive, argument);
        if (value is GraphQLIntValue i && int.TryParse(i.Value.Span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        if (value is null or GraphQLNullValue && !required)
        {
            return null;
        }

        return InvalidArgument<int?>(directive, argument, required ? "Int!" : "Int", value, coordinate);
    }

    private IReadOnlyList<string>? StringsArgument(GraphQLDirective directive, string argument, string coordinate)
    {
        var value = FederationDirectives.Argument(directive, argument);
        switch (value)
        {
            case null or GraphQLNullValue:
                return null;
            case GraphQLStringValue s:
                return [s.Value.ToString()];
            case GraphQLListValue list when (list.Values ?? []).All(v => v is GraphQLStringValue):
                return (list.Values ?? []).Select(v => ((GraphQLStringValue)v).Value.ToString()).ToList();
            default:
                return InvalidArgument<IReadOnlyList<string>>(directive, argument, "[String!]", value, coordinate);
        }
    }

    private T? InvalidArgument<T>(GraphQLDirective directive, string argument, string type, GraphQLValue? value, string coordinate)
    {
        var written = value is null ? "nothing" : Merging.AstText.Print(value);
        Error(ErrorCodes.InvalidGraphQL, $"Directive \"@{directive.Name.StringValue}\" on {coordinate}: argument \"{argument}\" must be a {type}, got {written}.", coordinate, directive);
        return default;
    }

    private static string TypeLocation(Schema.TypeKind kind) => kind switch
    {
        Schema.TypeKind.Object => "OBJECT",
        Schema.TypeKind.Interface => "INTERFACE",
        Schema.TypeKind.Union => "UNION",
        Schema.TypeKind.Enum => "ENUM",
        Schema.TypeKind.InputObject => "INPUT_OBJECT",
        _ => "SCALAR",
    };
}
