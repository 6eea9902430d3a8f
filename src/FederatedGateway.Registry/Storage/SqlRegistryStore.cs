using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace FederatedGateway.Registry.Storage;

/// <summary>
/// The registry in SQL, the same statements for SQLite and PostgreSQL. A variant row holds the current version
/// number; a commit moves it forward only from the number the writer read (optimistic concurrency, checked in the
/// same transaction as the new version's insert), so concurrent publishes can neither be lost nor half applied.
/// Times are Unix milliseconds.
/// </summary>
internal abstract partial class SqlRegistryStore : IRegistryStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var statement in new[]
        {
            """
            CREATE TABLE IF NOT EXISTS fgw_registry_variants (
              graph TEXT NOT NULL, variant TEXT NOT NULL, current_version INTEGER NOT NULL, PRIMARY KEY (graph, variant))
            """,
            """
            CREATE TABLE IF NOT EXISTS fgw_registry_versions (
              graph TEXT NOT NULL, variant TEXT NOT NULL, version INTEGER NOT NULL, hash TEXT NOT NULL,
              supergraph TEXT NOT NULL, api_schema TEXT NOT NULL, subgraphs TEXT NOT NULL, action TEXT NOT NULL,
              author TEXT NOT NULL, ci_commit TEXT, message TEXT, created_at BIGINT NOT NULL,
              PRIMARY KEY (graph, variant, version))
            """,
            """
            CREATE TABLE IF NOT EXISTS fgw_registry_audit (
              graph TEXT NOT NULL, variant TEXT NOT NULL, at BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL)
            """,
            "CREATE INDEX IF NOT EXISTS fgw_registry_audit_variant ON fgw_registry_audit (graph, variant, at)",
            """
            CREATE TABLE IF NOT EXISTS fgw_registry_checks (
              id TEXT NOT NULL PRIMARY KEY, graph TEXT NOT NULL, variant TEXT NOT NULL, subgraph TEXT NOT NULL, at BIGINT NOT NULL,
              author TEXT NOT NULL, ci_commit TEXT, passed INTEGER NOT NULL, result TEXT NOT NULL)
            """,
            """
            CREATE TABLE IF NOT EXISTS fgw_registry_documents (
              graph TEXT NOT NULL, variant TEXT NOT NULL, id TEXT NOT NULL, name TEXT, body TEXT NOT NULL,
              added_at BIGINT NOT NULL, added_by TEXT NOT NULL, PRIMARY KEY (graph, variant, id))
            """,
            """
            CREATE TABLE IF NOT EXISTS fgw_registry_tokens (
              id TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE, scopes TEXT NOT NULL,
              created_at BIGINT NOT NULL, created_by TEXT NOT NULL, revoked_at BIGINT)
            """,
        })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<SupergraphVersion?> CurrentAsync(GraphRef graph, CancellationToken cancellationToken)
    {
        var versions = await ReadVersionsAsync(
            """
            SELECT v.* FROM fgw_registry_versions v JOIN fgw_registry_variants c
              ON c.graph = v.graph AND c.variant = v.variant AND c.current_version = v.version
            WHERE v.graph = @graph AND v.variant = @variant
            """,
            graph, null, cancellationToken).ConfigureAwait(false);
        return versions.Count == 0 ? null : versions[0];
    }

    public async Task<SupergraphVersion?> VersionAsync(GraphRef graph, int version, CancellationToken cancellationToken)
    {
        var versions = await ReadVersionsAsync(
            "SELECT * FROM fgw_registry_versions WHERE graph = @graph AND variant = @variant AND version = @version", graph, version, cancellationToken).ConfigureAwait(false);
        return versions.Count == 0 ? null : versions[0];
    }

    public Task<IReadOnlyList<SupergraphVersion>> HistoryAsync(GraphRef graph, int limit, CancellationToken cancellationToken) =>
        ReadVersionsAsync(
            "SELECT * FROM fgw_registry_versions WHERE graph = @graph AND variant = @variant ORDER BY version DESC LIMIT " + Math.Clamp(limit, 1, 1000).ToString(CultureInfo.InvariantCulture),
            graph, null, cancellationToken);

    public async Task<bool> TryCommitAsync(int expectedCurrent, SupergraphVersion next, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var move = connection.CreateCommand())
        {
            move.Transaction = transaction;
            move.CommandText = expectedCurrent == 0
                ? "INSERT INTO fgw_registry_variants (graph, variant, current_version) VALUES (@graph, @variant, @next) ON CONFLICT DO NOTHING"
                : "UPDATE fgw_registry_variants SET current_version = @next WHERE graph = @graph AND variant = @variant AND current_version = @expected";
            Add(move, "@graph", next.Graph.Graph);
            Add(move, "@variant", next.Graph.Variant);
            Add(move, "@next", next.Version);
            Add(move, "@expected", expectedCurrent);
            if (await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }
        }

        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO fgw_registry_versions
                  (graph, variant, version, hash, supergraph, api_schema, subgraphs, action, author, ci_commit, message, created_at)
                VALUES (@graph, @variant, @version, @hash, @supergraph, @api, @subgraphs, @action, @author, @commit, @message, @created)
                """;
            Add(insert, "@graph", next.Graph.Graph);
            Add(insert, "@variant", next.Graph.Variant);
            Add(insert, "@version", next.Version);
            Add(insert, "@hash", next.Hash);
            Add(insert, "@supergraph", next.SupergraphSdl);
            Add(insert, "@api", next.ApiSchema);
            Add(insert, "@subgraphs", JsonSerializer.Serialize(next.Subgraphs, Json));
            Add(insert, "@action", next.Action);
            Add(insert, "@author", next.Author);
            Add(insert, "@commit", (object?)next.Commit ?? DBNull.Value);
            Add(insert, "@message", (object?)next.Message ?? DBNull.Value);
            Add(insert, "@created", next.CreatedAt.ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await InsertAuditAsync(connection, transaction, new AuditEntry(next.Graph, next.CreatedAt, next.Author, next.Action, $"version {next.Version} ({next.Hash[..12]})"), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await InsertAuditAsync(connection, null, entry, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(GraphRef graph, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT at, actor, action, detail FROM fgw_registry_audit WHERE graph = @graph AND variant = @variant ORDER BY at DESC LIMIT "
            + Math.Clamp(limit, 1, 1000).ToString(CultureInfo.InvariantCulture);
        Add(query, "@graph", graph.Graph);
        Add(query, "@variant", graph.Variant);
        var entries = new List<AuditEntry>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(graph, DateTimeOffset.FromUnixTimeMilliseconds(Long(reader, 0)), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return entries;
    }

    public async Task<IReadOnlyList<(GraphRef Graph, int Version)>> VariantsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT graph, variant, current_version FROM fgw_registry_variants ORDER BY graph, variant";
        var variants = new List<(GraphRef, int)>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            variants.Add((new GraphRef(reader.GetString(0), reader.GetString(1)), (int)Long(reader, 2)));
        }

        return variants;
    }

    public async Task<IReadOnlyList<StoredCheck>> ChecksAsync(GraphRef graph, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT id, subgraph, at, author, ci_commit, passed FROM fgw_registry_checks WHERE graph = @graph AND variant = @variant ORDER BY at DESC LIMIT "
            + Math.Clamp(limit, 1, 1000).ToString(CultureInfo.InvariantCulture);
        Add(query, "@graph", graph.Graph);
        Add(query, "@variant", graph.Variant);
        var checks = new List<StoredCheck>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            checks.Add(new StoredCheck(
                reader.GetString(0), graph, reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(Long(reader, 2)), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), Long(reader, 5) != 0, ""));
        }

        return checks;
    }

    public async Task SaveCheckAsync(StoredCheck check, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO fgw_registry_checks (id, graph, variant, subgraph, at, author, ci_commit, passed, result)
            VALUES (@id, @graph, @variant, @subgraph, @at, @author, @commit, @passed, @result)
            """;
        Add(insert, "@id", check.Id);
        Add(insert, "@graph", check.Graph.Graph);
        Add(insert, "@variant", check.Graph.Variant);
        Add(insert, "@subgraph", check.Subgraph);
        Add(insert, "@at", check.At.ToUnixTimeMilliseconds());
        Add(insert, "@author", check.Author);
        Add(insert, "@commit", (object?)check.Commit ?? DBNull.Value);
        Add(insert, "@passed", check.Passed ? 1 : 0);
        Add(insert, "@result", check.ResultJson);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredCheck?> FindCheckAsync(GraphRef graph, string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT subgraph, at, author, ci_commit, passed, result FROM fgw_registry_checks WHERE id = @id AND graph = @graph AND variant = @variant";
        Add(query, "@id", id);
        Add(query, "@graph", graph.Graph);
        Add(query, "@variant", graph.Variant);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new StoredCheck(
            id, graph, reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(Long(reader, 1)), reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), Long(reader, 4) != 0, reader.GetString(5));
    }

    protected static async Task InsertAuditAsync(DbConnection connection, DbTransaction? transaction, AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO fgw_registry_audit (graph, variant, at, actor, action, detail) VALUES (@graph, @variant, @at, @actor, @action, @detail)";
        Add(insert, "@graph", entry.Graph.Graph);
        Add(insert, "@variant", entry.Graph.Variant);
        Add(insert, "@at", entry.At.ToUnixTimeMilliseconds());
        Add(insert, "@actor", entry.Actor);
        Add(insert, "@action", entry.Action);
        Add(insert, "@detail", entry.Detail);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<SupergraphVersion>> ReadVersionsAsync(string sql, GraphRef graph, int? version, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = sql;
        Add(query, "@graph", graph.Graph);
        Add(query, "@variant", graph.Variant);
        if (version is { } number)
        {
            Add(query, "@version", number);
        }

        var versions = new List<SupergraphVersion>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(new SupergraphVersion(
                graph,
                (int)Long(reader, reader.GetOrdinal("version")),
                reader.GetString(reader.GetOrdinal("hash")),
                reader.GetString(reader.GetOrdinal("supergraph")),
                reader.GetString(reader.GetOrdinal("api_schema")),
                JsonSerializer.Deserialize<List<SubgraphRecord>>(reader.GetString(reader.GetOrdinal("subgraphs")), Json) ?? [],
                reader.GetString(reader.GetOrdinal("action")),
                reader.GetString(reader.GetOrdinal("author")),
                reader.IsDBNull(reader.GetOrdinal("ci_commit")) ? null : reader.GetString(reader.GetOrdinal("ci_commit")),
                reader.IsDBNull(reader.GetOrdinal("message")) ? null : reader.GetString(reader.GetOrdinal("message")),
                DateTimeOffset.FromUnixTimeMilliseconds(Long(reader, reader.GetOrdinal("created_at")))));
        }

        return versions;
    }

    protected static long Long(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    protected static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
