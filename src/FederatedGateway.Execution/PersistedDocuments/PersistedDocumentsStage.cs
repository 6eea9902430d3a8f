using System.Runtime.CompilerServices;
using System.Text.Json;
using FederatedGateway.Core.Operations;
using FederatedGateway.Execution.Pipeline;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.Execution.PersistedDocuments;

/// <summary>
/// Trusted documents and automatic persisted queries (APQ). A request that names a document by
/// <c>extensions.persistedQuery.sha256Hash</c> gets the manifest's document, or the one it registered through APQ
/// (sending the document with its hash); in <see cref="PersistedDocumentsMode.Enforce"/> only manifest documents run,
/// named by id or (when allowed) sent in full. Errors use Apollo's codes, so existing clients react as they do there.
/// </summary>
public sealed class PersistedDocumentsStage : IRequestStage
{
    public const string NotFoundCode = "PERSISTED_QUERY_NOT_FOUND";
    public const string NotSupportedCode = "PERSISTED_QUERY_NOT_SUPPORTED";
    public const string HashMismatchCode = "PERSISTED_QUERY_HASH_MISMATCH";
    public const string NotInListCode = "PERSISTED_QUERY_NOT_IN_LIST";
    public const string IdRequiredCode = "PERSISTED_QUERY_ID_REQUIRED";

    private readonly PersistedDocumentsMode _mode;
    private readonly PersistedDocumentManifest _manifest;
    private readonly IPersistedQueryStore? _apq;
    private readonly bool _allowFullText;
    private readonly ILogger _logger;

    /// <param name="apq">The APQ store; null turns APQ off.</param>
    /// <param name="allowFullText">In <see cref="PersistedDocumentsMode.Enforce"/>, whether a full document equal to a manifest document runs.</param>
    public PersistedDocumentsStage(
        PersistedDocumentsMode mode, PersistedDocumentManifest manifest, IPersistedQueryStore? apq, bool allowFullText, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(logger);
        _mode = mode;
        _manifest = manifest;
        _apq = apq;
        _allowFullText = allowFullText;
        _logger = logger;
    }

    public int Order => RequestStageOrder.PersistedDocuments;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask InvokeAsync(RequestContext context, RequestStageDelegate next)
    {
        var hash = RequestedHash(context.Request.Extensions, out var malformed);
        if (malformed is not null)
        {
            context.Reject(RequestError.Of(malformed, "BAD_REQUEST"));
            return;
        }

        var document = context.Request.Query;
        var trusted = false;
        if (hash is not null)
        {
            if (_manifest.TryGetDocument(hash, out var listed))
            {
                if (document is not null && document != listed)
                {
                    context.Reject(RequestError.Of("The document sent is not the one the persisted query id names.", HashMismatchCode));
                    return;
                }

                document = listed;
                trusted = true;
            }
            else if (!await ResolveApqAsync(context, hash, document).ConfigureAwait(false))
            {
                return;
            }
            else
            {
                document = context.Document;
            }
        }
        else if (document is not null && _mode != PersistedDocumentsMode.Off)
        {
            trusted = _manifest.ContainsDocument(document);
            if (_mode == PersistedDocumentsMode.Enforce && trusted && !_allowFullText)
            {
                context.Reject(RequestError.Of("This gateway runs trusted documents by id only: send extensions.persistedQuery.sha256Hash.", IdRequiredCode));
                return;
            }
        }

        if (!trusted && _mode == PersistedDocumentsMode.Enforce)
        {
            context.Reject(RequestError.Of("This operation is not in the gateway's list of trusted documents.", NotInListCode));
            return;
        }

        if (!trusted && _mode == PersistedDocumentsMode.AllowAndLog && document is not null)
        {
            PersistedDocumentsLog.NotInList(_logger, context.Request.OperationName, PersistedDocumentManifest.Sha256(document));
        }

        context.Document = document;
        await next(context).ConfigureAwait(false);
    }

    /// <summary>APQ: registers a document sent with its hash, or finds the one registered before. False when it answered the request.</summary>
    private async ValueTask<bool> ResolveApqAsync(RequestContext context, string hash, string? document)
    {
        if (_apq is null || _mode == PersistedDocumentsMode.Enforce)
        {
            context.Reject(_mode == PersistedDocumentsMode.Enforce
                ? RequestError.Of("This operation is not in the gateway's list of trusted documents.", NotInListCode)
                : RequestError.Of("PersistedQueryNotSupported", NotSupportedCode));
            return false;
        }

        if (document is null)
        {
            var stored = await _apq.GetAsync(hash, context.RequestAborted).ConfigureAwait(false);
            if (stored is null)
            {
                context.Reject(RequestError.Of("PersistedQueryNotFound", NotFoundCode));
                return false;
            }

            context.Document = stored;
            return true;
        }

        if (!string.Equals(PersistedDocumentManifest.Sha256(document), hash, StringComparison.OrdinalIgnoreCase))
        {
            context.Reject(RequestError.Of("provided sha does not match query", HashMismatchCode));
            return false;
        }

        await _apq.SetAsync(hash.ToLowerInvariant(), document, context.RequestAborted).ConfigureAwait(false);
        context.Document = document;
        return true;
    }

    /// <summary>The hash in <c>extensions.persistedQuery</c>; null when there is none, with <paramref name="malformed"/> set when it is unusable.</summary>
    private static string? RequestedHash(JsonElement extensions, out string? malformed)
    {
        malformed = null;
        if (extensions.ValueKind != JsonValueKind.Object || !extensions.TryGetProperty("persistedQuery"u8, out var persisted))
        {
            return null;
        }

        if (persisted.ValueKind != JsonValueKind.Object
            || !persisted.TryGetProperty("sha256Hash"u8, out var hash) || hash.ValueKind != JsonValueKind.String
            || hash.GetString() is not { Length: > 0 and <= 128 } value)
        {
            malformed = "extensions.persistedQuery needs a sha256Hash string.";
            return null;
        }

        if (persisted.TryGetProperty("version"u8, out var version) && !(version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var v) && v == 1))
        {
            malformed = "Only version 1 of extensions.persistedQuery is supported.";
            return null;
        }

        return value;
    }
}
