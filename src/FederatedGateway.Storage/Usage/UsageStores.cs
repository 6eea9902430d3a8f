using FederatedGateway.Execution.Usage;

namespace FederatedGateway.Storage.Usage;

/// <summary>Opens a usage store: the gateway writes it, the dashboard and the registry's checks read it.</summary>
public static class UsageStores
{
    /// <summary>A SQLite file (created with its folder when missing).</summary>
    public static IUsageStore Sqlite(string path) => new SqliteUsageStore(path);

    /// <summary>A PostgreSQL database (an Npgsql connection string); dispose it to close its connection pool.</summary>
    public static IUsageStore PostgreSql(string connectionString) => new PostgresUsageStore(connectionString);
}
