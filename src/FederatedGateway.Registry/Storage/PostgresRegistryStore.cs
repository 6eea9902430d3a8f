using System.Data.Common;
using Npgsql;

namespace FederatedGateway.Registry.Storage;

/// <summary>The registry in PostgreSQL (high availability: several registry instances share it).</summary>
internal sealed class PostgresRegistryStore : SqlRegistryStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresRegistryStore(string connectionString) => _dataSource = NpgsqlDataSource.Create(connectionString);

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
