using GraphQLParser.AST;

namespace FederatedGateway.Core.Composition.Subgraphs;

internal sealed partial class SubgraphReader
{
    private readonly record struct AppliedDirective(string Canonical, GraphQLDirective Node);

    /// <summary>The directives on an element with their meaning: a federation name, deprecated/specifiedBy, or "custom" (composed).</summary>
    private IEnumerable<AppliedDirective> Applied(GraphQLDirectives? directives, string coordinate)
    {
        foreach (var directive in directives?.Items ?? new List<GraphQLDirective>())
        {
            var local = directive.Name.StringValue;
            var canonical = _federation.Canonical(local);
            if (canonical is not null && !IsOwnDirectiveWithFederationName(local))
            {
                yield return new AppliedDirective(canonical, directive);
            }
            else if (local is "deprecated" or "specifiedBy")
            {
                yield return new AppliedDirective(local, directive);
            }
            else if (_composedNames.Contains(local))
            {
                yield return new AppliedDirective("custom", directive);
            }
            else if (!_directiveDefinitions.ContainsKey(local) && !BuiltInDirectives.Contains(local) && !_federation.OtherLinkImports.ContainsKey(local))
            {
                var hint = _federation.IsFederation2 && Array.IndexOf(FederationDirectives.Known, local) >= 0
                    ? $"To use the federation directive, add \"@{local}\" to the import list of the @link to the federation spec, or write @federation__{local}."
                    : "Define the directive in the subgraph schema, or remove it.";
                Error(ErrorCodes.InvalidGraphQL, $"Unknown directive \"@{local}\" on {coordinate}.", coordinate, directive, hint);
            }
        }
    }

    /// <summary>Federation 1 subgraphs may define a directive of their own with a federation name; it is then not federation's.</summary>
    private bool IsOwnDirectiveWithFederationName(string local) =>
        !_federation.IsFederation2 && local is "shareable" or "override" or "interfaceObject" or "composeDirective" or "context" or "fromContext"
        && _directiveDefinitions.ContainsKey(local);

    private void ReadTypeDirectives(SubgraphType type, GraphQLDirectives? directives)
    {
        foreach (var directive in Applied(directives, type.Name))
        {
            switch (directive.Canonical)
            {
                case "key":
                    ReadKey(type, directive.Node);
                    break;
                case "extends":
                    _extendsDirective.Add(type.Name);
                    break;
                case "external":
                    _definitionIsExternal = true;
                    break;
                case "shareable":
                    type.IsShareable = true;
                    break;
                case "inaccessible":
                    type.IsInaccessible = true;
                    break;
                case "tag":
                    AddTag(type.Tags, directive.Node);
                    break;
                case "interfaceObject":
                    type.IsInterfaceObject = true;
                    break;
                case "specifiedBy":
                    type.SpecifiedByUrl = SpecifiedByUrl(directive.Node, type.Name);
                    break;
                case "custom":
                    type.CustomDirectives.Add(directive.Node);
                    break;
                case var name when IsAccessOrCost(name):
                    ReadAccessOrCost(type.AccessAndCost, directive, type.Name, TypeLocation(type.Kind));
                    break;
                case "context":
                    Unsupported(directive, type.Name);
                    break;
            }
        }
    }

    private void ReadKey(SubgraphType type, GraphQLDirective directive)
    {
        var fields = FederationDirectives.StringArgument(directive, "fields");
        if (fields is null)
        {
            Error(ErrorCodes.KeyInvalidFieldsType, $"On type \"{type.Name}\", for @key: the \"fields\" argument must be a string.", type.Name, directive, "Write @key(fields: \"id\").");
            return;
        }

        var selection = FieldSet.TryParse(fields, out var parseError);
        if (selection is null)
        {
            Error(ErrorCodes.KeyInvalidFields, $"On type \"{type.Name}\", for @key(fields: \"{fields}\"): {parseError}.", type.Name, directive, "The fields argument is a selection set without braces, e.g. \"id\" or \"id organization { id }\".");
            return;
        }

        bool? resolvable = FederationDirectives.Argument(directive, "resolvable") is GraphQLBooleanValue b ? b.BoolValue : null;
        type.Keys.Add(new SubgraphKey(fields, resolvable, selection));
    }

    private void ReadFieldDirectives(SubgraphType type, SubgraphField field, GraphQLDirectives? directives)
    {
        var coordinate = $"{type.Name}.{field.Name}";
        foreach (var directive in Applied(directives, coordinate))
        {
            switch (directive.Canonical)
            {
                case "external":
                    field.IsExternal = true;
                    break;
                case "requires":
                    field.Requires = FieldSetArgument(directive.Node, "requires", coordinate, out var requires);
                    field.RequiresSelection = requires;
                    break;
                case "provides":
                    field.Provides = FieldSetArgument(directive.Node, "provides", coordinate, out var provides);
                    field.ProvidesSelection = provides;
                    break;
                case "shareable":
                    field.IsShareable = true;
                    break;
                case "override":
                    field.OverrideFrom = FederationDirectives.StringArgument(directive.Node, "from");
                    field.OverrideLabel = FederationDirectives.StringArgument(directive.Node, "label");
                    break;
                case "inaccessible":
                    field.IsInaccessible = true;
                    break;
                case "tag":
                    AddTag(field.Tags, directive.Node);
                    break;
                case "deprecated":
                    field.IsDeprecated = true;
                    field.DeprecationReason = DeprecationReason(directive.Node, coordinate);
                    break;
                case "custom":
                    field.CustomDirectives.Add(directive.Node);
                    break;
                case var name when IsAccessOrCost(name):
                    ReadAccessOrCost(field.AccessAndCost, directive, coordinate, "FIELD_DEFINITION");
                    break;
                case "fromContext":
                    Unsupported(directive, coordinate);
                    break;
            }
        }
    }

    private string? FieldSetArgument(GraphQLDirective directive, string directiveName, string coordinate, out FieldSet? selection)
    {
        selection = null;
        var codes = directiveName == "requires" ? FieldSetCodes.Requires : FieldSetCodes.Provides;
        var fields = FederationDirectives.StringArgument(directive, "fields");
        if (fields is null)
        {
            Error(codes.InvalidFieldsType, $"On field \"{coordinate}\", for @{directiveName}: the \"fields\" argument must be a string.", coordinate, directive);
            return null;
        }

        selection = FieldSet.TryParse(fields, out var parseError);
        if (selection is null)
        {
            Error(codes.InvalidFields, $"On field \"{coordinate}\", for @{directiveName}(fields: \"{fields}\"): {parseError}.", coordinate, directive);
        }

        return fields;
    }

    private void Unsupported(AppliedDirective directive, string coordinate) =>
        Error(ErrorCodes.UnsupportedFeature, $"@{directive.Node.Name.StringValue} on {coordinate} is not supported by this composer yet.", coordinate, directive.Node, "Remove the directive; @context and @fromContext are planned.");
}
