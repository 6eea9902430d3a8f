namespace FederatedGateway.AspNetCore.Usage;

/// <summary>
/// Usage analytics, configuration <c>Gateway:Usage</c>: requests per operation and client, with errors and latency,
/// and the schema coordinates each operation uses, flushed every <see cref="FlushInterval"/> to SQLite (a file,
/// the default) or PostgreSQL (shared by replicas). Off by default.
/// </summary>
public sealed class UsageSettings
{
    /// <summary>Count usage (a pipeline stage right after preparation). Default off.</summary>
    public bool Enabled { get; set; }

    /// <summary>How often the counts go to the store (one row per operation and client per interval). Default 10 s.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>Sqlite</c> (default) or <c>PostgreSql</c>.</summary>
    public UsageStoreKind Store { get; set; } = UsageStoreKind.Sqlite;

    /// <summary>The SQLite file (created with its folder when missing). Default <c>data/usage.db</c> under the working directory.</summary>
    public string SqlitePath { get; set; } = Path.Combine("data", "usage.db");

    /// <summary>The Npgsql connection string when <see cref="Store"/> is <c>PostgreSql</c>.</summary>
    public string? PostgreSql { get; set; }

    /// <summary>How long intervals are kept. Default 30 days.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Distinct (operation, client) pairs counted per interval; more land on one overflow row. Default 10,000.</summary>
    public int MaxOperationsPerInterval { get; set; } = 10_000;

    /// <summary>Intervals held in memory while the store cannot be written; beyond it the oldest is dropped (and logged). Default 60.</summary>
    public int MaxPendingIntervals { get; set; } = 60;

    internal IEnumerable<string> Problems()
    {
        if (!Enabled)
        {
            yield break;
        }

        if (FlushInterval < TimeSpan.FromMilliseconds(100) || Retention <= TimeSpan.Zero)
        {
            yield return "Gateway:Usage needs a FlushInterval of at least 100 ms and a positive Retention.";
        }

        if (MaxOperationsPerInterval < 1 || MaxPendingIntervals < 1)
        {
            yield return "Gateway:Usage:MaxOperationsPerInterval and MaxPendingIntervals must be at least 1.";
        }

        if (Store == UsageStoreKind.Sqlite && string.IsNullOrWhiteSpace(SqlitePath))
        {
            yield return "Gateway:Usage:SqlitePath is required for the Sqlite store.";
        }

        if (Store == UsageStoreKind.PostgreSql && string.IsNullOrWhiteSpace(PostgreSql))
        {
            yield return "Gateway:Usage:PostgreSql (a connection string) is required for the PostgreSql store.";
        }
    }
}

public enum UsageStoreKind
{
    Sqlite,
    PostgreSql,
}
