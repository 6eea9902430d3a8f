using System.Runtime.CompilerServices;
using FederatedGateway.Core.Authorization;
using FederatedGateway.Core.Operations;
using FederatedGateway.Execution.Pipeline;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Subscriptions;

namespace FederatedGateway.Execution.Authorization;

/// <summary>
/// Field authorization before anything is fetched (<c>@authenticated</c>, <c>@requiresScopes</c>, <c>@policy</c> of
/// the snapshot's supergraph). An operation that touches nothing protected goes on untouched (the check is worked out
/// once per prepared operation). Otherwise each protected field is checked against the caller; when some are denied,
/// the request is refused whole (<c>rejectUnauthorized</c>) or the operation is prepared and planned again without
/// them, so no subgraph is ever asked for them, and the response gets <c>null</c> and an
/// <see cref="UnauthorizedCode"/> error at each of them.
/// </summary>
public sealed class AuthorizeStage : IRequestStage
{
    /// <summary>The <c>extensions.code</c> of a field or type the caller may not see.</summary>
    public const string UnauthorizedCode = "UNAUTHORIZED_FIELD_OR_TYPE";

    private readonly ConditionalWeakTable<PreparedOperation, OperationAuthorization> _operations = new();
    private readonly bool _rejectUnauthorized;
    private readonly IAuthorizationPolicyEvaluator? _policies;

    /// <param name="rejectUnauthorized">Refuse the whole request when any selected field is denied, instead of answering the rest.</param>
    /// <param name="policies">Evaluates <c>@policy</c> names; without it every policy refuses.</param>
    public AuthorizeStage(bool rejectUnauthorized, IAuthorizationPolicyEvaluator? policies)
    {
        _rejectUnauthorized = rejectUnauthorized;
        _policies = policies;
    }

    public int Order => RequestStageOrder.Authorize;

    public ValueTask InvokeAsync(RequestContext context, RequestStageDelegate next)
    {
        var requirements = context.Snapshot.Authorization;
        if (requirements.IsEmpty)
        {
            return next(context);
        }

        var authorization = Analyze(context.Operation!, context.Snapshot.Schema, requirements);
        if (authorization.Protected.IsEmpty)
        {
            return next(context);
        }

        // Checked synchronously while no policy has to be asked: a caller allowed everything goes on without an
        // async frame of this stage (the benchmark's ten @requiresScopes fields cost no allocation per field).
        var caller = new CallerEntitlements(context.User, _policies, context.Deadline);
        var protectedRequirements = authorization.Protected.Requirements;
        bool[]? denied = null;
        for (var i = 0; i < protectedRequirements.Count; i++)
        {
            var check = caller.SatisfiesAsync(protectedRequirements[i]);
            if (!check.IsCompletedSuccessfully)
            {
                return CheckRestAsync(context, next, authorization, caller, denied, i, check);
            }

            if (!check.Result)
            {
                (denied ??= new bool[protectedRequirements.Count])[i] = true;
            }
        }

        return denied is null ? next(context) : WithoutDeniedAsync(context, next, authorization, denied);
    }

    private OperationAuthorization Analyze(PreparedOperation operation, Core.Schema.FederatedSchema schema, AuthorizationRequirements requirements) =>
        _operations.TryGetValue(operation, out var known) ? known : AnalyzeFirst(operation, schema, requirements);

    // Apart from Analyze so that its closure is allocated on the first request of an operation only.
    private OperationAuthorization AnalyzeFirst(PreparedOperation operation, Core.Schema.FederatedSchema schema, AuthorizationRequirements requirements) =>
        _operations.GetValue(operation, op => new OperationAuthorization(ProtectedSelections.Find(op, schema, requirements)));

    private async ValueTask CheckRestAsync(
        RequestContext context, RequestStageDelegate next, OperationAuthorization authorization, CallerEntitlements caller,
        bool[]? denied, int pendingIndex, ValueTask<bool> pending)
    {
        var requirements = authorization.Protected.Requirements;
        for (var i = pendingIndex; i < requirements.Count; i++)
        {
            var allowed = i == pendingIndex ? await pending.ConfigureAwait(false) : await caller.SatisfiesAsync(requirements[i]).ConfigureAwait(false);
            if (!allowed)
            {
                (denied ??= new bool[requirements.Count])[i] = true;
            }
        }

        await (denied is null ? next(context) : WithoutDeniedAsync(context, next, authorization, denied)).ConfigureAwait(false);
    }

    private async ValueTask WithoutDeniedAsync(RequestContext context, RequestStageDelegate next, OperationAuthorization authorization, bool[] denied)
    {
        // A denied field that @skip/@include leaves out of this request is no reason to refuse or replan.
        authorization.Protected.KeepIncluded(context.Operation!.RootSelection, context.Prepared!.BooleanVariables, denied);
        if (Array.IndexOf(denied, true) < 0)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var operation = context.Operation!;
        if (_rejectUnauthorized)
        {
            RejectDenied(context, authorization, denied);
            return;
        }

        var document = authorization.AuthorizedDocument(operation, denied);
        var request = context.Request;
        var prepared = await context.Snapshot.Preparer.PrepareAsync(document, request.OperationName, request.Variables, context.Deadline).ConfigureAwait(false);
        if (!prepared.IsSuccess)
        {
            // What is left is no operation (a subscription without its root field): nothing the caller may run.
            RejectDenied(context, authorization, denied);
            return;
        }

        var booleans = context.Prepared!.BooleanVariables;
        context.Prepared = prepared;
        await next(context).ConfigureAwait(false);

        var schema = context.Snapshot.Schema;
        byte[] Redact(ReadOnlyMemory<byte> body) =>
            UnauthorizedFieldRedactor.Redact(body.Span, operation, booleans, schema, field => authorization.IsDenied(field, denied));

        if (context.Result is { Kind: GatewayResultKind.Executed } result)
        {
            var body = Redact(result.Body);
            result.Dispose();
            context.Result = new GatewayResult(GatewayResultKind.Executed, body);
        }
        else if (context.Stream is { Messages: { } messages })
        {
            context.Stream = GatewayStream.Of(RedactEach(messages, Redact));
        }
    }

    private static void RejectDenied(RequestContext context, OperationAuthorization authorization, bool[] denied)
    {
        var operation = context.Operation!;
        context.Reject(authorization.Protected.Fields
            .Where((_, i) => denied[i])
            .Select(field => RequestError.Of($"Unauthorized field or type: {field.Name.StringValue} (line {LineOf(operation, field)}).", UnauthorizedCode))
            .ToArray());
    }

    private static async IAsyncEnumerable<GatewayMessage> RedactEach(
        IAsyncEnumerable<GatewayMessage> messages, Func<ReadOnlyMemory<byte>, byte[]> redact, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var message in messages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return message.Kind == GatewayMessageKind.Next ? message with { Payload = redact(message.Payload) } : message;
        }
    }

    private static int LineOf(PreparedOperation operation, GraphQLParser.AST.GraphQLField field)
    {
        var source = operation.Document.Source.Span;
        var end = Math.Min(field.Location.Start, source.Length);
        var line = 1;
        for (var i = 0; i < end; i++)
        {
            if (source[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }
}
