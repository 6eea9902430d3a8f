using System.Data.Common;

namespace FederatedGateway.Registry.Storage;

/// <summary>Access tokens made through the API (hashes only), each change with its audit entry in one transaction.</summary>
internal abstract partial class SqlRegistryStore
{
    private const string TokenColumns = "id, name, sha256, scopes, created_at, created_by, revoked_at";

    public async Task SaveTokenAsync(StoredToken token, AuditEntry audit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO fgw_registry_tokens ({TokenColumns}) VALUES (@id, @name, @sha256, @scopes, @at, @by, NULL)";
            Add(insert, "@id", token.Id);
            Add(insert, "@name", token.Name);
            Add(insert, "@sha256", token.Sha256);
            Add(insert, "@scopes", string.Join(' ', token.Scopes));
            Add(insert, "@at", token.CreatedAt.ToUnixTimeMilliseconds());
            Add(insert, "@by", token.CreatedBy);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await InsertAuditAsync(connection, transaction, audit, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredToken?> FindTokenAsync(string sha256, CancellationToken cancellationToken)
    {
        var tokens = await ReadTokensAsync($"SELECT {TokenColumns} FROM fgw_registry_tokens WHERE sha256 = @sha256", sha256, cancellationToken).ConfigureAwait(false);
        return tokens.Count == 0 ? null : tokens[0];
    }

    public Task<IReadOnlyList<StoredToken>> TokensAsync(CancellationToken cancellationToken) =>
        ReadTokensAsync($"SELECT {TokenColumns} FROM fgw_registry_tokens ORDER BY created_at DESC, id", null, cancellationToken);

    public async Task<bool> RevokeTokenAsync(string id, DateTimeOffset at, AuditEntry audit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE fgw_registry_tokens SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL";
            Add(update, "@at", at.ToUnixTimeMilliseconds());
            Add(update, "@id", id);
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return false;
            }
        }

        await InsertAuditAsync(connection, transaction, audit, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<IReadOnlyList<StoredToken>> ReadTokensAsync(string sql, string? sha256, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = sql;
        if (sha256 is not null)
        {
            Add(query, "@sha256", sha256);
        }

        var tokens = new List<StoredToken>();
        await using DbDataReader reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tokens.Add(new StoredToken(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetString(3).Split(' ', StringSplitOptions.RemoveEmptyEntries),
                DateTimeOffset.FromUnixTimeMilliseconds(Long(reader, 4)), reader.GetString(5),
                reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(Long(reader, 6))));
        }

        return tokens;
    }
}
