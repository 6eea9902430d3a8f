using FederatedGateway.Core.Schema;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Composition.Subgraphs;

/// <summary>
/// Reads one subgraph SDL into a <see cref="SubgraphSchema"/>: resolves federation directive names, renames the
/// root types to Query/Mutation/Subscription, drops federation's own elements (<c>_service</c>, <c>_entities</c>,
/// <c>_Any</c>...), merges type extensions into their type, and applies the Federation 1 reading rules.
/// </summary>
internal sealed partial class SubgraphReader
{
    private static readonly HashSet<string> FederationTypes = new(StringComparer.Ordinal)
    {
        "_Service", "_Entity", "_Any", "_FieldSet", "FieldSet", "link__Import", "link__Purpose", "link__FieldSet",
    };

    private static readonly HashSet<string> BuiltInDirectives = new(StringComparer.Ordinal)
    {
        "skip", "include", "deprecated", "specifiedBy", "oneOf", "defer", "stream",
    };

    private readonly SubgraphSource _source;
    private readonly List<CompositionError> _errors;
    private readonly SdlLines _lines;
    private readonly Dictionary<string, string> _rootRenames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GraphQLDirectiveDefinition> _directiveDefinitions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _composedNames = new(StringComparer.Ordinal);
    private FederationDirectives _federation = null!;
    private SubgraphSchema _schema = null!;

    private SubgraphReader(SubgraphSource source, List<CompositionError> errors)
    {
        _source = source;
        _errors = errors;
        _lines = new SdlLines(source.Sdl);
    }

    /// <summary>Reads <paramref name="source"/>; returns null (with errors added) when it cannot be used at all.</summary>
    public static SubgraphSchema? Read(SubgraphSource source, List<CompositionError> errors) =>
        new SubgraphReader(source, errors).Read();

    private SubgraphSchema? Read()
    {
        GraphQLDocument document;
        try
        {
            document = GraphQLParser.Parser.Parse(_source.Sdl, new GraphQLParser.ParserOptions { Ignore = GraphQLParser.IgnoreOptions.Comments });
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException ex)
        {
            _errors.Add(new CompositionError(ErrorCodes.InvalidGraphQL, $"The schema is not valid GraphQL: {ex.Description}", _source.Name, null, ex.Location.Line, ex.Location.Column, "Fix the syntax error in the subgraph schema."));
            return null;
        }

        var schemaDirectives = new List<GraphQLDirectives?>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLSchemaDefinition schemaDefinition:
                    schemaDirectives.Add(schemaDefinition.Directives);
                    ReadRoots(schemaDefinition.OperationTypes);
                    break;
                case GraphQLSchemaExtension schemaExtension:
                    schemaDirectives.Add(schemaExtension.Directives);
                    ReadRoots(schemaExtension.OperationTypes);
                    break;
                case GraphQLDirectiveDefinition directiveDefinition:
                    _directiveDefinitions[directiveDefinition.Name.StringValue] = directiveDefinition;
                    break;
            }
        }

        var linkErrors = 0;
        _federation = FederationDirectives.Read(schemaDirectives, (code, message, node, hint) =>
        {
            linkErrors++;
            Error(code, message, null, node, hint);
        });
        if (linkErrors > 0)
        {
            // As Apollo's composer: a subgraph whose @links are wrong is not read further (each use of a directive it
            // could not import would only repeat the error as an unknown directive).
            return null;
        }

        _schema = new SubgraphSchema(_source.Name, _source.Url, _federation.IsFederation2) { FederationMinorVersion = _federation.MinorVersion };
        ReadComposeDirectives(schemaDirectives);

        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLDirectiveDefinition:
                    break;
                case GraphQLTypeDefinition typeDefinition:
                    ReadType(typeDefinition, typeDefinition.Name.StringValue, isExtensionSyntax: false);
                    break;
                case GraphQLTypeExtension typeExtension:
                    ReadType(typeExtension, typeExtension.Name.StringValue, isExtensionSyntax: true);
                    break;
            }
        }

        ApplyExtensionRules();
        return _schema;
    }

    private void ReadRoots(List<GraphQLRootOperationTypeDefinition>? operationTypes)
    {
        if (operationTypes is null)
        {
            return;
        }

        foreach (var root in operationTypes)
        {
            var canonical = root.Operation switch
            {
                OperationType.Query => "Query",
                OperationType.Mutation => "Mutation",
                _ => "Subscription",
            };
            if (root.Type is not null)
            {
                _rootRenames[root.Type.Name.StringValue] = canonical;
            }
        }
    }

    private string TypeName(string name) => _rootRenames.TryGetValue(name, out var renamed) ? renamed : name;

    private bool IsFederationInternal(string typeName)
    {
        if (FederationTypes.Contains(typeName) || _federation.ImportedTypes.Contains(typeName))
        {
            return true;
        }

        foreach (var prefix in _federation.SpecPrefixes)
        {
            if (typeName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    internal void Error(string code, string message, string? element, ASTNode? node, string? hint = null)
    {
        int? line = null, column = null;
        if (node is not null && node.Location.End > 0)
        {
            var (l, c) = _lines.Position(node.Location.Start);
            line = l;
            column = c;
        }

        _errors.Add(new CompositionError(code, message, _source.Name, element, line, column, hint));
    }

    private SdlLocation LocationOf(ASTNode node)
    {
        var (line, column) = _lines.Position(node.Location.Start);
        return new SdlLocation(line, column);
    }
}
