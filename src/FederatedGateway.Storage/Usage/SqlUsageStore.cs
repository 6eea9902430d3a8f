using System.Data.Common;
using System.Globalization;
using FederatedGateway.Execution.Usage;

namespace FederatedGateway.Storage.Usage;

/// <summary>
/// Usage kept in SQL tables, the same statements for SQLite and PostgreSQL: one row per interval, operation and
/// client (<c>fgw_usage_operations</c>, latency as a histogram), and the coordinates of each operation once
/// (<c>fgw_usage_coordinates</c>), so "which clients used X" is a join and recording costs one row per key.
/// Times are Unix seconds.
/// </summary>
internal abstract class SqlUsageStore : IUsageStore
{
    // Operation hashes whose coordinates are stored; bounded, since a forgotten hash only costs one idempotent insert.
    private const int KnownHashesLimit = 100_000;
    private readonly HashSet<string> _knownHashes = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var statement in new[]
        {
            """
            CREATE TABLE IF NOT EXISTS fgw_usage_operations (
              interval_start BIGINT NOT NULL, interval_end BIGINT NOT NULL, operation_hash TEXT NOT NULL,
              operation_name TEXT NOT NULL, client_name TEXT NOT NULL, client_version TEXT NOT NULL,
              requests BIGINT NOT NULL, errors BIGINT NOT NULL, latency TEXT NOT NULL)
            """,
            "CREATE INDEX IF NOT EXISTS fgw_usage_operations_end ON fgw_usage_operations (interval_end)",
            "CREATE INDEX IF NOT EXISTS fgw_usage_operations_hash ON fgw_usage_operations (operation_hash, interval_end)",
            """
            CREATE TABLE IF NOT EXISTS fgw_usage_coordinates (
              operation_hash TEXT NOT NULL, coordinate TEXT NOT NULL, PRIMARY KEY (operation_hash, coordinate))
            """,
            "CREATE INDEX IF NOT EXISTS fgw_usage_coordinates_coordinate ON fgw_usage_coordinates (coordinate)",
        })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task WriteAsync(UsageBatch batch, CancellationToken cancellationToken)
    {
        if (batch.IsEmpty)
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var newHashes = new List<string>();
            await using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = """
                    INSERT INTO fgw_usage_operations
                      (interval_start, interval_end, operation_hash, operation_name, client_name, client_version, requests, errors, latency)
                    VALUES (@start, @end, @hash, @name, @client, @version, @requests, @errors, @latency)
                    """;
                Add(insert, "@start", batch.Start.ToUnixTimeSeconds());
                Add(insert, "@end", batch.End.ToUnixTimeSeconds());
                var hash = Add(insert, "@hash", "");
                var name = Add(insert, "@name", "");
                var client = Add(insert, "@client", "");
                var version = Add(insert, "@version", "");
                var requests = Add(insert, "@requests", 0L);
                var errors = Add(insert, "@errors", 0L);
                var latency = Add(insert, "@latency", "");
                foreach (var (key, counts) in batch.Counts)
                {
                    hash.Value = key.DocumentHash;
                    name.Value = key.OperationName;
                    client.Value = key.ClientName;
                    version.Value = key.ClientVersion;
                    requests.Value = counts.Requests;
                    errors.Value = counts.Errors;
                    latency.Value = counts.Latency.Serialize();
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    if (counts.Profile is not null && !_knownHashes.Contains(key.DocumentHash) && !newHashes.Contains(key.DocumentHash))
                    {
                        newHashes.Add(key.DocumentHash);
                    }
                }
            }

            await WriteCoordinatesAsync(connection, transaction, batch, newHashes, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            Remember(newHashes);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static async Task WriteCoordinatesAsync(DbConnection connection, DbTransaction transaction, UsageBatch batch, List<string> hashes, CancellationToken cancellationToken)
    {
        if (hashes.Count == 0)
        {
            return;
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO fgw_usage_coordinates (operation_hash, coordinate) VALUES (@hash, @coordinate) ON CONFLICT DO NOTHING";
        var hash = Add(insert, "@hash", "");
        var coordinate = Add(insert, "@coordinate", "");
        foreach (var documentHash in hashes)
        {
            var profile = batch.Counts.First(entry => entry.Key.DocumentHash == documentHash && entry.Value.Profile is not null).Value.Profile!;
            hash.Value = documentHash;
            foreach (var used in profile.Coordinates)
            {
                coordinate.Value = used;
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void Remember(List<string> hashes)
    {
        if (_knownHashes.Count + hashes.Count > KnownHashesLimit)
        {
            _knownHashes.Clear();
        }

        _knownHashes.UnionWith(hashes);
    }

    public async Task<long> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM fgw_usage_operations WHERE interval_end < @cutoff";
        Add(delete, "@cutoff", cutoff.ToUnixTimeSeconds());
        long deleted = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await using var orphans = connection.CreateCommand();
        orphans.CommandText = """
            DELETE FROM fgw_usage_coordinates
            WHERE NOT EXISTS (SELECT 1 FROM fgw_usage_operations o WHERE o.operation_hash = fgw_usage_coordinates.operation_hash)
            """;
        deleted += await orphans.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (deleted > 0)
        {
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            _knownHashes.Clear();
            _writeLock.Release();
        }

        return deleted;
    }

    public async Task<IReadOnlyList<ClientUsage>> ClientsUsingAsync(string coordinate, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = """
            SELECT o.client_name, o.client_version, SUM(o.requests), MAX(o.interval_end)
            FROM fgw_usage_operations o JOIN fgw_usage_coordinates c ON c.operation_hash = o.operation_hash
            WHERE (c.coordinate = @coordinate OR (@whole = 1 AND substr(c.coordinate, 1, @length) = @prefix)) AND o.interval_end >= @since
            GROUP BY o.client_name, o.client_version
            ORDER BY 3 DESC, 1, 2
            """;
        Add(query, "@coordinate", coordinate);
        var wholeType = !coordinate.Contains('.', StringComparison.Ordinal);
        Add(query, "@whole", wholeType ? 1 : 0);
        Add(query, "@prefix", coordinate + ".");
        Add(query, "@length", coordinate.Length + 1);
        Add(query, "@since", since.ToUnixTimeSeconds());
        var clients = new List<ClientUsage>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            clients.Add(new ClientUsage(reader.GetString(0), reader.GetString(1), Long(reader, 2), DateTimeOffset.FromUnixTimeSeconds(Long(reader, 3))));
        }

        return clients;
    }

    public async Task<IReadOnlyDictionary<string, long>> CoordinateCountsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = """
            SELECT c.coordinate, SUM(o.requests)
            FROM fgw_usage_operations o JOIN fgw_usage_coordinates c ON c.operation_hash = o.operation_hash
            WHERE o.interval_end >= @since
            GROUP BY c.coordinate
            """;
        Add(query, "@since", since.ToUnixTimeSeconds());
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = Long(reader, 1);
        }

        return counts;
    }

    public async Task<IReadOnlyList<OperationUsage>> OperationsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = """
            SELECT operation_hash, operation_name, client_name, client_version, requests, errors, latency
            FROM fgw_usage_operations WHERE interval_end >= @since
            """;
        Add(query, "@since", since.ToUnixTimeSeconds());
        var merged = new Dictionary<(string, string, string, string), (long Requests, long Errors, LatencyHistogram Latency)>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
            var latency = LatencyHistogram.Parse(reader.GetString(6));
            if (merged.TryGetValue(key, out var sum))
            {
                sum.Latency.AddAll(latency.Counts);
                merged[key] = (sum.Requests + Long(reader, 4), sum.Errors + Long(reader, 5), sum.Latency);
            }
            else
            {
                merged[key] = (Long(reader, 4), Long(reader, 5), latency);
            }
        }

        return merged
            .Select(entry => new OperationUsage(entry.Key.Item1, entry.Key.Item2, entry.Key.Item3, entry.Key.Item4, entry.Value.Requests, entry.Value.Errors, entry.Value.Latency))
            .OrderByDescending(usage => usage.Requests)
            .ToList();
    }

    private static long Long(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static DbParameter Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
