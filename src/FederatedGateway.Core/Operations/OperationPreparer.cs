using System.Collections.Concurrent;
using System.Text.Json;
using FederatedGateway.Core.Planning;
using FederatedGateway.Core.Schema;
using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// Parses, validates (every rule of the GraphQL spec, via GraphQL.NET's validator over the API schema),
/// normalizes and plans operations, caching the result per document and operation name.
/// Variables are coerced per request.
/// </summary>
public sealed class OperationPreparer
{
    private readonly FederatedSchema _schema;
    private readonly QueryPlanner _planner;
    private readonly GraphQL.Types.ISchema _apiSchema;
    private readonly ConcurrentDictionary<(string Query, string? Name), Lazy<CachedDocument>> _cache = new();
    private readonly int _maxCacheEntries;
    private readonly GraphQL.SystemTextJson.GraphQLSerializer _serializer = new();

    /// <param name="maxCacheEntries">Prepared operations kept; the cache starts over when it is full.</param>
    /// <param name="maxPlanningSteps">The planner's budget per operation (see <see cref="QueryPlanner.MaxSteps"/>).</param>
    public OperationPreparer(FederatedSchema schema, GraphQL.Types.ISchema apiSchema, int maxCacheEntries = 2048, int maxPlanningSteps = 200_000)
    {
        _schema = schema;
        _apiSchema = apiSchema;
        _planner = new QueryPlanner(schema, maxPlanningSteps);
        _maxCacheEntries = maxCacheEntries;
    }

    public GraphQL.Types.ISchema ApiSchema => _apiSchema;

    public async ValueTask<PrepareResult> PrepareAsync(string? query, string? operationName, JsonElement variables, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return PrepareResult.Failure(RequestError.Of("The request has no query.", "BAD_REQUEST"));
        }

        if (_cache.Count >= _maxCacheEntries)
        {
            _cache.Clear();
        }

        var cached = _cache.GetOrAdd((query, operationName), key => new Lazy<CachedDocument>(() => Prepare(key.Query, key.Name))).Value;
        if (cached.Errors is not null)
        {
            return PrepareResult.Failure(cached.Errors);
        }

        return await CoerceVariablesAsync(cached, variables, cancellationToken).ConfigureAwait(false);
    }

    private CachedDocument Prepare(string query, string? operationName)
    {
        GraphQLDocument document;
        try
        {
            document = GraphQLParser.Parser.Parse(query);
        }
        catch (GraphQLParser.Exceptions.GraphQLParserException ex)
        {
            // Syntax errors, and documents nested deeper than the parser allows.
            return CachedDocument.Fail(new RequestError(ex.Description, "GRAPHQL_PARSE_FAILED", new[] { (ex.Location.Line, ex.Location.Column) }));
        }

        if (LoneSurrogateLiteralCheck.Check(document) is { } notUnicode)
        {
            return CachedDocument.Fail(notUnicode);
        }

        var operation = SelectOperation(document, operationName, out var selectionError);
        if (operation is null)
        {
            return CachedDocument.Fail(selectionError!);
        }

        // Preparation runs once per document inside the cache's Lazy; the core rules complete synchronously.
        var validation = new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = _apiSchema,
            Document = document,
            Operation = operation,
            Rules = DocumentValidator.CoreRules,
            Variables = Inputs.Empty,
            Extensions = Inputs.Empty,
            UserContext = new Dictionary<string, object?>(),
            RequestServices = null!,
        }).GetAwaiter().GetResult();

        var documentErrors = validation.Errors
            .Where(e => e is not InvalidVariableError)
            .Select(ToRequestError)
            .ToList();
        if (documentErrors.Count > 0)
        {
            return CachedDocument.Fail(documentErrors.ToArray());
        }

        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            fragments[fragment.FragmentName.Name.StringValue] = fragment;
        }

        var kind = operation.Operation switch
        {
            OperationType.Mutation => OperationKind.Mutation,
            OperationType.Subscription => OperationKind.Subscription,
            _ => OperationKind.Query,
        };
        var rootType = kind switch
        {
            OperationKind.Mutation => _schema.MutationType,
            OperationKind.Subscription => _schema.SubscriptionType,
            _ => _schema.QueryType,
        };
        if (rootType is null)
        {
            // The validator lets an operation through when the schema lacks its root type altogether.
            return CachedDocument.Fail(RequestError.Of($"The schema has no {kind.ToString().ToLowerInvariant()} type.", "GRAPHQL_VALIDATION_FAILED"));
        }

        var variables = VariableDefinitions(operation);
        var name = operation.Name?.StringValue;
        try
        {
            var root = new SelectionSetBuilder(_schema, fragments).Build(rootType, operation.SelectionSet);
            var plan = _planner.Plan(kind, name, root, variables);
            return new CachedDocument(new PreparedOperation(kind, name, rootType, root, variables, document, operation, plan), null);
        }
        catch (PlanningException ex)
        {
            return CachedDocument.Fail(RequestError.Of(ex.Message, "QUERY_PLANNING_FAILED"));
        }
        catch (OperationTooLargeException ex)
        {
            return CachedDocument.Fail(RequestError.Of(ex.Message, "OPERATION_TOO_LARGE"));
        }
    }

    private async ValueTask<PrepareResult> CoerceVariablesAsync(CachedDocument cached, JsonElement variables, CancellationToken cancellationToken)
    {
        var operation = cached.Operation!;
        var booleans = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (operation.Variables.Count == 0)
        {
            return PrepareResult.Success(operation, booleans);
        }

        Inputs inputs;
        try
        {
            inputs = variables.ValueKind == JsonValueKind.Object
                ? _serializer.Deserialize<Inputs>(variables.GetRawText()) ?? Inputs.Empty
                : Inputs.Empty;
        }
        catch (JsonException ex)
        {
            return PrepareResult.Failure(RequestError.Of("Variables are not valid JSON: " + ex.Message, "BAD_USER_INPUT"));
        }

        var validation = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = _apiSchema,
            Document = operation.Document,
            Operation = operation.Definition,
            Rules = Array.Empty<IValidationRule>(),
            Variables = inputs,
            Extensions = Inputs.Empty,
            UserContext = new Dictionary<string, object?>(),
            RequestServices = null!,
            CancellationToken = cancellationToken,
        }).ConfigureAwait(false);

        if (!validation.IsValid)
        {
            return PrepareResult.Failure(validation.Errors.Select(e => ToRequestError(e) with { Code = "BAD_USER_INPUT" }).ToArray());
        }

        if (NonFiniteVariableCheck.Check(validation.Variables) is { } outOfRange)
        {
            return PrepareResult.Failure(outOfRange);
        }

        if (validation.Variables is not null)
        {
            foreach (var variable in validation.Variables)
            {
                if (variable.Value is bool b)
                {
                    booleans[variable.Name] = b;
                }
            }
        }

        return PrepareResult.Success(operation, booleans);
    }

    private static GraphQLOperationDefinition? SelectOperation(GraphQLDocument document, string? operationName, out RequestError? error)
    {
        error = null;
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (operations.Count == 0)
        {
            error = RequestError.Of("The document contains no operation.", "GRAPHQL_VALIDATION_FAILED");
            return null;
        }

        if (string.IsNullOrEmpty(operationName))
        {
            if (operations.Count > 1)
            {
                error = RequestError.Of("The document contains several operations: give operationName.", "GRAPHQL_VALIDATION_FAILED");
                return null;
            }

            return operations[0];
        }

        var match = operations.Find(o => o.Name?.StringValue == operationName);
        if (match is null)
        {
            error = RequestError.Of($"Unknown operation named \"{operationName}\".", "GRAPHQL_VALIDATION_FAILED");
        }

        return match;
    }

    private static List<VariableDefinition> VariableDefinitions(GraphQLOperationDefinition operation)
    {
        var list = new List<VariableDefinition>();
        if (operation.Variables is null)
        {
            return list;
        }

        var printer = new GraphQLParser.Visitors.SDLPrinter();
        foreach (var variable in operation.Variables.Items)
        {
            list.Add(new VariableDefinition(
                variable.Variable.Name.StringValue,
                printer.Print(variable.Type),
                variable.DefaultValue is null ? null : printer.Print(variable.DefaultValue)));
        }

        return list;
    }

    private static RequestError ToRequestError(ExecutionError error) => new(
        error.Message,
        "GRAPHQL_VALIDATION_FAILED",
        error.Locations?.Select(l => (l.Line, l.Column)).ToArray() ?? Array.Empty<(int, int)>());

    private sealed record CachedDocument(PreparedOperation? Operation, RequestError[]? Errors)
    {
        public static CachedDocument Fail(params RequestError[] errors) => new(null, errors);
    }
}
