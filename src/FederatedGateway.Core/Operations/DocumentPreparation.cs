using FederatedGateway.Core.Operations.Parsing;
using FederatedGateway.Core.Operations.VariableUsages;
using FederatedGateway.Core.Planning;
using FederatedGateway.Core.Schema;
using GraphQL;
using GraphQL.Validation;
using GraphQL.Validation.Rules;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// Prepares one document: token count, parse, the document limits, validation (GraphQL.NET's core rules with
/// <see cref="FieldMergeValidator"/> in place of their quadratic field-merging rule and <see cref="VariableUsageValidator"/>
/// in place of their variables-in-allowed-position rule), normalization and planning.
/// Every step is linear in the document (or bounded by a budget) and observes the cancellation token.
/// </summary>
internal sealed class DocumentPreparation
{
    /// <summary>The most selections an operation may expand to once its fragments are inlined (normalizer and merge check alike).</summary>
    public const int MaxExpandedSelections = 100_000;

    private static readonly IValidationRule[] Rules = DocumentValidator.CoreRules
        .Where(rule => rule is not OverlappingFieldsCanBeMerged and not VariablesInAllowedPosition)
        .ToArray();

    private readonly FederatedSchema _schema;
    private readonly GraphQL.Types.ISchema _apiSchema;
    private readonly QueryPlanner _planner;
    private readonly OperationLimits _limits;

    public DocumentPreparation(FederatedSchema schema, GraphQL.Types.ISchema apiSchema, QueryPlanner planner, OperationLimits limits)
    {
        _schema = schema;
        _apiSchema = apiSchema;
        _planner = planner;
        _limits = limits;
    }

    /// <summary>The prepared document, and an estimate of the bytes it holds (for the cache's bound).</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public (PreparedDocument Document, long EstimatedBytes) Prepare(string query, string? operationName, CancellationToken cancellationToken)
    {
        // Lexical errors are found by the scanner, never by the parser, whose error message costs time quadratic in
        // the line's length (see TokenCounter). Selection sets nested past ScanNesting are refused as MaxDepth before
        // the parser's own recursion guard (which stays as a safety net) would call them a syntax error.
        cancellationToken.ThrowIfCancellationRequested();
        var step = PreparationTelemetry.Start(PreparationTelemetry.ParseSpan);
        var scan = TokenCounter.Scan(query, _limits.MaxTokens, ScanNesting(_limits.MaxDepth));
        switch (scan.Outcome)
        {
            case DocumentScanOutcome.TooManyTokens:
                return Failed(step, LimitError.Create(nameof(_limits.MaxTokens), _limits.MaxTokens, $"The document has more than {_limits.MaxTokens} tokens"));
            case DocumentScanOutcome.TooDeep:
                return Failed(step, LimitError.Create(nameof(_limits.MaxDepth), _limits.MaxDepth, $"The operation nests selections more than {_limits.MaxDepth} levels deep"));
            case DocumentScanOutcome.LexicalError:
                return Failed(step, new RequestError(scan.Message!, "GRAPHQL_PARSE_FAILED", new[] { (scan.Line, scan.Column) }));
        }

        // What the syntax tree and the plan hold is measured as what their construction allocated: an upper bound.
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var document = DocumentParser.Parse(query, ParserDepth(_limits.MaxDepth), out var syntaxError);
        if (document is null)
        {
            return Failed(step, syntaxError!);
        }

        var parsedBytes = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        cancellationToken.ThrowIfCancellationRequested();
        if (LoneSurrogateLiteralCheck.Check(document) is { } notUnicode)
        {
            return Failed(step, notUnicode);
        }

        PreparationTelemetry.Stop(step, null);
        step = PreparationTelemetry.Start(PreparationTelemetry.ValidateSpan);
        var operation = SelectOperation(document, operationName, out var selectionError);
        if (operation is null)
        {
            return Failed(step, selectionError!);
        }

        var fragments = Fragments(document);
        var limitError = DocumentLimitChecker.Check(document, operation, fragments, _limits, cancellationToken);
        if (limitError is not null)
        {
            return Failed(step, limitError);
        }

        var kind = operation.Operation switch
        {
            OperationType.Mutation => OperationKind.Mutation,
            OperationType.Subscription => OperationKind.Subscription,
            _ => OperationKind.Query,
        };
        try
        {
            var errors = Validate(query, document, operation, fragments, cancellationToken, out var nullableInNonNull);
            if (errors.Count > 0)
            {
                return Failed(step, ErrorCap.Apply(errors, _limits.MaxErrors));
            }

            PreparationTelemetry.Stop(step, null);
            step = PreparationTelemetry.Start(PreparationTelemetry.PlanSpan);
            var rootType = kind switch
            {
                OperationKind.Mutation => _schema.MutationType,
                OperationKind.Subscription => _schema.SubscriptionType,
                _ => _schema.QueryType,
            };
            if (rootType is null)
            {
                // The validator lets an operation through when the schema lacks its root type altogether.
                return Failed(step, RequestError.Of($"The schema has no {kind.ToString().ToLowerInvariant()} type.", "GRAPHQL_VALIDATION_FAILED"));
            }

            cancellationToken.ThrowIfCancellationRequested();
            var allocatedBeforePlan = GC.GetAllocatedBytesForCurrentThread();
            var variables = OperationVariables.Of(operation);
            var name = operation.Name?.StringValue;
            var root = new SelectionSetBuilder(_schema, fragments, MaxExpandedSelections).Build(rootType, operation.SelectionSet);
            var plan = _planner.Plan(kind, name, root, variables);
            var plannedBytes = GC.GetAllocatedBytesForCurrentThread() - allocatedBeforePlan;
            PreparationTelemetry.Stop(step, null);
            var prepared = new PreparedOperation(kind, name, rootType, root, variables, document, operation, plan, nullableInNonNull);
            return (new PreparedDocument(prepared, null), (2L * query.Length) + parsedBytes + plannedBytes);
        }
        catch (PlanningException ex)
        {
            return Failed(step, RequestError.Of(ex.Message, "QUERY_PLANNING_FAILED"));
        }
        catch (OperationTooLargeException ex)
        {
            return Failed(step, RequestError.Of(ex.Message, "OPERATION_TOO_LARGE"));
        }
    }

    private List<RequestError> Validate(
        string query,
        GraphQLDocument document,
        GraphQLOperationDefinition operation,
        Dictionary<string, GraphQLFragmentDefinition> fragments,
        CancellationToken cancellationToken,
        out NullableVariableInNonNullPosition[] nullableInNonNull)
    {
        nullableInNonNull = Array.Empty<NullableVariableInNonNullPosition>();
        // The core rules complete synchronously.
        var validation = new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = _apiSchema,
            Document = document,
            Operation = operation,
            Rules = Rules,
            Variables = Inputs.Empty,
            Extensions = Inputs.Empty,
            UserContext = new Dictionary<string, object?>(),
            RequestServices = null!,
            CancellationToken = cancellationToken,
        }).GetAwaiter().GetResult();

        var errors = new List<RequestError>();
        foreach (var error in validation.Errors)
        {
            if (error is not InvalidVariableError)
            {
                errors.Add(ToRequestError(error));
            }
        }

        var rootType = operation.Operation switch
        {
            OperationType.Mutation => _apiSchema.Mutation,
            OperationType.Subscription => _apiSchema.Subscription,
            _ => _apiSchema.Query,
        };
        if (errors.Count == 0 && rootType is not null)
        {
            errors.AddRange(new FieldMergeValidator(_apiSchema, fragments, query, _limits.MaxErrors, MaxExpandedSelections, cancellationToken).Validate(operation, rootType));
        }

        if (errors.Count == 0 && rootType is not null)
        {
            var usages = new VariableUsageValidator(_apiSchema, fragments, query, _limits.MaxErrors, cancellationToken);
            errors.AddRange(usages.Validate(operation, rootType));
            nullableInNonNull = usages.NullableInNonNullPositions.ToArray();
        }

        return errors;
    }

    /// <summary>The parser's own nesting bound (in syntax nodes, two per selection level) is raised to let <see cref="OperationLimits.MaxDepth"/> speak first.</summary>
    private static int? ParserDepth(int maxDepth) => maxDepth > 0 ? Math.Max(128, (4 * maxDepth) + 16) : null;

    /// <summary>
    /// The brace nesting the scanner lets through: below the parser's guard (about half its node bound), and at least
    /// twice <see cref="OperationLimits.MaxDepth"/>, because inline fragments nest braces without adding depth and
    /// only the depth measurer (after parsing) knows which braces they are. So a document the scanner refuses is one
    /// the parser's guard would have refused as a syntax error; the answer now names the limit instead.
    /// </summary>
    private static int ScanNesting(int maxDepth) => maxDepth > 0 ? (ParserDepth(maxDepth)!.Value / 2) - 8 : 0;

    private static Dictionary<string, GraphQLFragmentDefinition> Fragments(GraphQLDocument document)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLFragmentDefinition fragment)
            {
                fragments[fragment.FragmentName.Name.StringValue] = fragment;
            }
        }

        return fragments;
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

    private static RequestError ToRequestError(ExecutionError error) => new(
        error.Message,
        "GRAPHQL_VALIDATION_FAILED",
        error.Locations?.Select(l => (l.Line, l.Column)).ToArray() ?? Array.Empty<(int, int)>());

    private static (PreparedDocument, long) Failed(System.Diagnostics.Activity? step, params RequestError[] errors)
    {
        PreparationTelemetry.Stop(step, errors.Length > 0 ? errors[0].Code : null);
        return (PreparedDocument.Fail(errors), 0);
    }
}
