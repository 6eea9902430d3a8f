using GraphQLParser.AST;

namespace FederatedGateway.Core.Composition.Subgraphs;

/// <summary>The string arguments of GraphQL's own directives (<c>@deprecated(reason:)</c>, <c>@specifiedBy(url:)</c>).</summary>
internal sealed partial class SubgraphReader
{
    /// <summary>The reason of a <c>@deprecated</c>; a value that is not a string is an error rather than no reason.</summary>
    private string? DeprecationReason(GraphQLDirective directive, string coordinate) =>
        StringArgumentOfBuiltIn(directive, "deprecated", "reason", coordinate, "@deprecated(reason: \"Use another field instead.\")");

    private string? SpecifiedByUrl(GraphQLDirective directive, string coordinate) =>
        StringArgumentOfBuiltIn(directive, "specifiedBy", "url", coordinate, "@specifiedBy(url: \"https://example.com/spec\")");

    private string? StringArgumentOfBuiltIn(GraphQLDirective directive, string directiveName, string argument, string coordinate, string example)
    {
        var value = FederationDirectives.Argument(directive, argument);
        switch (value)
        {
            case null or GraphQLNullValue:
                return null;
            case GraphQLStringValue text:
                return text.Value.ToString();
            default:
                var written = _source.Sdl.Substring(value.Location.Start, value.Location.End - value.Location.Start);
                Error(
                    ErrorCodes.InvalidGraphQL,
                    $"Argument \"@{directiveName}({argument}:)\" on \"{coordinate}\" has invalid value {written}: it must be a String.",
                    coordinate,
                    value,
                    $"Write it as a string, e.g. {example}.");
                return null;
        }
    }
}
