using System.Data.Common;

namespace FederatedGateway.Registry.Storage;

/// <summary>Trusted documents per variant.</summary>
internal abstract partial class SqlRegistryStore
{
    public async Task<int> AddDocumentsAsync(GraphRef graph, IReadOnlyList<TrustedDocument> documents, AuditEntry audit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var added = 0;
        foreach (var document in documents)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText =
                """
                INSERT INTO fgw_registry_documents (graph, variant, id, name, body, added_at, added_by)
                VALUES (@graph, @variant, @id, @name, @body, @at, @by) ON CONFLICT DO NOTHING
                """;
            Add(insert, "@graph", graph.Graph);
            Add(insert, "@variant", graph.Variant);
            Add(insert, "@id", document.Id);
            Add(insert, "@name", (object?)document.Name ?? DBNull.Value);
            Add(insert, "@body", document.Body);
            Add(insert, "@at", document.AddedAt.ToUnixTimeMilliseconds());
            Add(insert, "@by", document.AddedBy);
            added += await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await InsertAuditAsync(connection, transaction, audit with { Detail = $"{audit.Detail} ({added} new)" }, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added;
    }

    public async Task<IReadOnlyList<TrustedDocument>> DocumentsAsync(GraphRef graph, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT id, name, body, added_at, added_by FROM fgw_registry_documents WHERE graph = @graph AND variant = @variant ORDER BY id";
        Add(query, "@graph", graph.Graph);
        Add(query, "@variant", graph.Variant);
        var documents = new List<TrustedDocument>();
        await using DbDataReader reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            documents.Add(new TrustedDocument(
                reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(Long(reader, 3)), reader.GetString(4)));
        }

        return documents;
    }
}
