using System.Data.Common;
using Npgsql;

namespace FederatedGateway.Storage.Usage;

/// <summary>Usage in PostgreSQL (Npgsql, pooled): one database shared by every replica of the gateway.</summary>
internal sealed class PostgresUsageStore : SqlUsageStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresUsageStore(string connectionString) => _dataSource = NpgsqlDataSource.Create(connectionString);

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
