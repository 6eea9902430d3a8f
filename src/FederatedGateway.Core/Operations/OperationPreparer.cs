using System.Text.Json;
using FederatedGateway.Core.Operations.VariableUsages;
using FederatedGateway.Core.Planning;
using FederatedGateway.Core.Schema;
using GraphQL;
using GraphQL.Validation;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// Prepares operations: the document limits, parse, validation (every rule of the GraphQL spec, via GraphQL.NET's
/// validator over the API schema, field merging by <see cref="FieldMergeValidator"/>), normalization and planning
/// (see <see cref="DocumentPreparation"/>), cached per document and operation name in a bounded
/// <see cref="OperationCache"/>. Variables are coerced per request.
/// <para>
/// Concurrent requests for a document in preparation wait for it, each on its own cancellation token. Only
/// successes are cached. A preparation stops when its request's token is cancelled; the entry is then removed and
/// requests still waiting for it start over, so one client leaving never fails another's request.
/// </para>
/// </summary>
public sealed class OperationPreparer
{
    private readonly GraphQL.Types.ISchema _apiSchema;
    private readonly DocumentPreparation _preparation;
    private readonly OperationCache _cache;
    private readonly OperationLimits _limits;
    private readonly int _maxCachedDocumentLength;

    /// <param name="limits">The document limits; <see cref="OperationLimits.Default"/> when null.</param>
    /// <param name="cache">The cache's bounds; <see cref="OperationCacheOptions.Default"/> when null.</param>
    /// <param name="maxPlanningSteps">The planner's budget per operation (see <see cref="QueryPlanner.MaxSteps"/>).</param>
    public OperationPreparer(
        FederatedSchema schema,
        GraphQL.Types.ISchema apiSchema,
        OperationLimits? limits = null,
        OperationCacheOptions? cache = null,
        int maxPlanningSteps = 200_000)
    {
        _apiSchema = apiSchema;
        _limits = limits ?? OperationLimits.Default;
        cache ??= OperationCacheOptions.Default;
        _cache = new OperationCache(cache);
        _maxCachedDocumentLength = cache.MaxDocumentLength <= 0 ? int.MaxValue : cache.MaxDocumentLength;
        _preparation = new DocumentPreparation(schema, apiSchema, new QueryPlanner(schema, maxPlanningSteps), _limits);
    }

    public GraphQL.Types.ISchema ApiSchema => _apiSchema;

    /// <summary>
    /// Whether <paramref name="query"/> would run against this schema: the errors of its preparation (limits, parse,
    /// validation, planning), none when it would run. Variables are not needed and nothing is cached (a registry
    /// checking trusted documents against a proposed schema).
    /// </summary>
    public IReadOnlyList<RequestError> Validate(string query, string? operationName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _preparation.Prepare(query, operationName, cancellationToken).Document.Errors ?? [];
    }

    public OperationLimits Limits => _limits;

    /// <summary>Operations cached now.</summary>
    public int CachedCount => _cache.Count;

    /// <summary>The estimated bytes the cached operations hold.</summary>
    public long CachedBytes => _cache.EstimatedBytes;

    /// <summary>Whether the document is cached (prepared or in preparation) for this operation name.</summary>
    public bool IsCached(string query, string? operationName) => _cache.Contains(new OperationKey(query, operationName));

    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<PrepareResult> PrepareAsync(string? query, string? operationName, JsonElement variables, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return ValueTask.FromResult(PrepareResult.Failure(RequestError.Of("The request has no query.", "BAD_REQUEST")));
        }

        // A cached document goes on without an await (no state machine), unless GraphQL.NET has to coerce the variables.
        if (query.Length <= _maxCachedDocumentLength
            && _cache.TryGet(new OperationKey(query, operationName), out var entry)
            && entry.Completion.IsCompletedSuccessfully)
        {
            return CoerceVariables(entry.Completion.Result, variables, cancellationToken);
        }

        return PrepareUncachedAsync(query, operationName, variables, cancellationToken);
    }

    private async ValueTask<PrepareResult> PrepareUncachedAsync(string query, string? operationName, JsonElement variables, CancellationToken cancellationToken)
    {
        var prepared = query.Length > _maxCachedDocumentLength
            ? _preparation.Prepare(query, operationName, cancellationToken).Document
            : await GetOrPrepareAsync(new OperationKey(query, operationName), cancellationToken).ConfigureAwait(false);
        return await CoerceVariables(prepared, variables, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<PreparedDocument> GetOrPrepareAsync(OperationKey key, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_cache.TryGet(key, out var entry))
            {
                var completion = entry.Completion;
                if (completion.IsCompletedSuccessfully)
                {
                    return completion.Result;
                }

                try
                {
                    return await completion.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The request preparing it left: prepare it for this one.
                    continue;
                }
            }

            if (_cache.TryAdd(key, out entry))
            {
                return PrepareInto(key, entry, cancellationToken);
            }
        }
    }

    private PreparedDocument PrepareInto(OperationKey key, OperationCacheEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            var (document, bytes) = _preparation.Prepare(key.Query, key.OperationName, cancellationToken);
            if (document.Errors is null)
            {
                _cache.Commit(key, entry, bytes);
            }
            else
            {
                _cache.Remove(key, entry);
            }

            entry.Complete(document);
            return document;
        }
        catch (OperationCanceledException)
        {
            _cache.Remove(key, entry);
            entry.Cancel();
            throw;
        }
        catch (Exception ex)
        {
            _cache.Remove(key, entry);
            entry.Fail(ex);
            throw;
        }
    }

    private ValueTask<PrepareResult> CoerceVariables(PreparedDocument prepared, JsonElement variables, CancellationToken cancellationToken)
    {
        if (prepared.Errors is not null)
        {
            return ValueTask.FromResult(PrepareResult.Failure(prepared.Errors));
        }

        var operation = prepared.Operation!;
        var booleans = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (operation.Variables.Count == 0)
        {
            return ValueTask.FromResult(PrepareResult.Success(operation, booleans));
        }

        if (LongNumberVariableCheck.Check(variables) is { } tooLong)
        {
            return ValueTask.FromResult(PrepareResult.Failure(tooLong));
        }

        // Before GraphQL.NET's coercion, whose own refusal of such a null names neither the location nor the rule.
        if (ExplicitNullCheck.Check(operation.NullableInNonNullPositions, variables) is { } explicitNull)
        {
            return ValueTask.FromResult(PrepareResult.Failure(explicitNull));
        }

        return VariableFastPath.TryAccept(_apiSchema, operation.Definition, variables, booleans)
            ? ValueTask.FromResult(PrepareResult.Success(operation, booleans))
            : CoerceWithGraphQLNetAsync(operation, variables, booleans, cancellationToken);
    }

    /// <summary>GraphQL.NET's coercion of the variables (every value, with its errors); <see cref="VariableFastPath"/> goes first.</summary>
    internal async ValueTask<PrepareResult> CoerceWithGraphQLNetAsync(
        PreparedOperation operation, JsonElement variables, Dictionary<string, bool> booleans, CancellationToken cancellationToken)
    {
        Inputs inputs;
        try
        {
            inputs = variables.ValueKind == JsonValueKind.Object
                ? VariableInputs.Read(variables)
                : Inputs.Empty;
        }
        catch (JsonException ex)
        {
            return PrepareResult.Failure(RequestError.Of("Variables are not valid JSON: " + ex.Message, "BAD_USER_INPUT"));
        }
        catch (ArgumentException)
        {
            // GraphQL.NET's reader adds each property to a dictionary: a name given twice throws.
            return PrepareResult.Failure(RequestError.Of("Variables are not valid: an object names the same property twice.", "BAD_USER_INPUT"));
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

    private static RequestError ToRequestError(ExecutionError error) => new(
        error.Message,
        "GRAPHQL_VALIDATION_FAILED",
        error.Locations?.Select(l => (l.Line, l.Column)).ToArray() ?? Array.Empty<(int, int)>());
}
