using FederatedGateway.Execution.PersistedDocuments;

namespace FederatedGateway.AspNetCore.PersistedDocuments;

/// <summary>Trusted documents and automatic persisted queries, configuration <c>Gateway:PersistedDocuments</c>.</summary>
public sealed class PersistedDocumentSettings
{
    /// <summary>What happens to operations not in <see cref="Manifest"/>. Default <see cref="PersistedDocumentsMode.Off"/>.</summary>
    public PersistedDocumentsMode Mode { get; set; } = PersistedDocumentsMode.Off;

    /// <summary>The manifest file: Apollo's persisted query list, or a <c>{"id": "document"}</c> map. Required unless Mode is Off.</summary>
    public string? Manifest { get; set; }

    /// <summary>In Enforce mode, whether a manifest document sent in full (not by id) runs. Default on.</summary>
    public bool AllowFullText { get; set; } = true;

    /// <summary>Automatic persisted queries.</summary>
    public ApqSettings Apq { get; set; } = new();

    internal IEnumerable<string> Problems()
    {
        if (Mode != PersistedDocumentsMode.Off && string.IsNullOrWhiteSpace(Manifest))
        {
            yield return $"Gateway:PersistedDocuments:Mode {Mode} needs Gateway:PersistedDocuments:Manifest (a manifest file).";
        }

        if (!string.IsNullOrWhiteSpace(Manifest))
        {
            string? problem = null;
            try
            {
                PersistedDocumentManifest.Load(Manifest);
            }
            catch (InvalidDataException ex)
            {
                problem = ex.Message;
            }

            if (problem is not null)
            {
                yield return problem;
            }
        }

        if (Apq.MaxCharacters <= 0 || Apq.RedisExpiry <= TimeSpan.Zero || Apq.RedisTimeout <= TimeSpan.Zero)
        {
            yield return "Gateway:PersistedDocuments:Apq needs a positive MaxCharacters, RedisExpiry and RedisTimeout.";
        }
    }
}

/// <summary>Automatic persisted queries (APQ): clients register documents by SHA-256 hash and then send only the hash.</summary>
public sealed class ApqSettings
{
    /// <summary>Serve APQ (refused in Enforce mode whatever this says). Default on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The in-process store's bound, in document characters. Default 32 Mi.</summary>
    public long MaxCharacters { get; set; } = 32L * 1024 * 1024;

    /// <summary>A StackExchange.Redis configuration string (e.g. <c>127.0.0.1:6379</c>): replicas then share registered documents.</summary>
    public string? Redis { get; set; }

    /// <summary>The prefix of the Redis keys. Default <c>fgw:apq:</c>.</summary>
    public string RedisKeyPrefix { get; set; } = "fgw:apq:";

    /// <summary>How long Redis keeps a registered document. Default 24 h.</summary>
    public TimeSpan RedisExpiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The longest a Redis call may take before the gateway goes on without it. Default 500 ms.</summary>
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(500);
}
