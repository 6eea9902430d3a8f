using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FederatedGateway.Execution.PersistedDocuments;

/// <summary>
/// The trusted documents: id → document, read from Apollo's persisted query list
/// (<c>{"format":"apollo-persisted-query-manifest","version":1,"operations":[{"id","body",…}]}</c>) or a plain
/// <c>{"&lt;id&gt;": "&lt;document&gt;"}</c> map. Immutable once loaded.
/// </summary>
public sealed class PersistedDocumentManifest
{
    private const string ApolloFormat = "apollo-persisted-query-manifest";

    private readonly FrozenDictionary<string, string> _documents;
    private readonly FrozenSet<string> _bodies;

    public PersistedDocumentManifest(IEnumerable<KeyValuePair<string, string>> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        _documents = documents.ToFrozenDictionary(StringComparer.Ordinal);
        _bodies = _documents.Values.ToFrozenSet(StringComparer.Ordinal);
    }

    public static PersistedDocumentManifest Empty { get; } = new([]);

    public int Count => _documents.Count;

    public bool TryGetDocument(string id, out string document) => _documents.TryGetValue(id, out document!);

    /// <summary>Whether <paramref name="document"/> is, character for character, one of the manifest's documents.</summary>
    public bool ContainsDocument(string document) => _bodies.Contains(document);

    /// <summary>The SHA-256 of a document's UTF-8 bytes as lowercase hex: the id APQ and Apollo's manifests use.</summary>
    public static string Sha256(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
    }

    /// <summary>Reads a manifest file; a file that is neither format fails with a message naming the file and the problem.</summary>
    public static PersistedDocumentManifest Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            using var stream = File.OpenRead(path);
            using var json = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowDuplicateProperties = false });
            return Read(json.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new InvalidDataException($"The persisted document manifest '{path}' cannot be read: {ex.Message}", ex);
        }
    }

    private static PersistedDocumentManifest Read(JsonElement root) =>
        new(ReadEntries(root).Select(e => new KeyValuePair<string, string>(e.Id, e.Body)));

    /// <summary>
    /// The entries of a manifest in either format, with the operation names Apollo's lists give; a manifest that is
    /// neither fails with <see cref="InvalidDataException"/> saying what is wrong.
    /// </summary>
    public static IReadOnlyList<PersistedDocumentEntry> ReadEntries(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("it must be a JSON object.");
        }

        if (root.TryGetProperty("format"u8, out var format) && format.ValueKind == JsonValueKind.String)
        {
            if (format.GetString() != ApolloFormat)
            {
                throw new InvalidDataException($"its format '{format.GetString()}' is not '{ApolloFormat}'.");
            }

            return ReadApollo(root);
        }

        var documents = new List<PersistedDocumentEntry>();
        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                throw new InvalidDataException($"the value of '{property.Name}' is not a document string (expected Apollo's persisted query list or an {{\"id\": \"document\"}} map).");
            }

            documents.Add(new(property.Name, null, property.Value.GetString()!));
        }

        return documents;
    }

    private static List<PersistedDocumentEntry> ReadApollo(JsonElement root)
    {
        if (!root.TryGetProperty("version"u8, out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != 1)
        {
            throw new InvalidDataException("only version 1 of Apollo's persisted query list is supported.");
        }

        if (!root.TryGetProperty("operations"u8, out var operations) || operations.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("it has no 'operations' array.");
        }

        var documents = new List<PersistedDocumentEntry>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var operation in operations.EnumerateArray())
        {
            if (operation.ValueKind != JsonValueKind.Object
                || !operation.TryGetProperty("id"u8, out var id) || id.ValueKind != JsonValueKind.String || id.GetString()!.Length == 0
                || !operation.TryGetProperty("body"u8, out var body) || body.ValueKind != JsonValueKind.String)
            {
                throw new InvalidDataException($"operation {index} needs a non-empty string 'id' and a string 'body'.");
            }

            if (!ids.Add(id.GetString()!))
            {
                throw new InvalidDataException($"operation {index} repeats the id '{id.GetString()}'.");
            }

            var name = operation.TryGetProperty("name"u8, out var named) && named.ValueKind == JsonValueKind.String ? named.GetString() : null;
            documents.Add(new(id.GetString()!, string.IsNullOrEmpty(name) ? null : name, body.GetString()!));
            index++;
        }

        return documents;
    }
}

/// <summary>One trusted document of a manifest: its id, the operation name when the manifest gives one, and the document.</summary>
public sealed record PersistedDocumentEntry(string Id, string? Name, string Body);
