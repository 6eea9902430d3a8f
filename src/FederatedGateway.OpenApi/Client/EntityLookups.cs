using System.Buffers;
using System.Text.Json;
using FederatedGateway.OpenApi.Translation;

namespace FederatedGateway.OpenApi.Client;

/// <summary>
/// The entities one subgraph request looks up, each key once: a batch lookup asks for every missing key of an entity
/// in one call and pairs the answer's items by their key property (a key the answer leaves out is <c>NOT_FOUND</c>);
/// a single lookup is one call per key, at most <see cref="MaxConcurrentCalls"/> at a time. The answers stay
/// alive until the request is answered (<see cref="Dispose"/>).
/// </summary>
internal sealed class EntityLookups(IApiCaller caller, IReadOnlyList<KeyValuePair<string, string>>? forwarded) : IDisposable
{
    public const int MaxConcurrentCalls = 8;
    public const string NotFoundCode = "NOT_FOUND";

    private readonly Dictionary<(string Entity, string Key), Found> _found = [];
    private readonly List<ApiAnswer> _answers = [];

    /// <summary>The entity looked up for a key (its JSON, or the error its lookup met); false when it was not looked up.</summary>
    public bool TryGet(string entity, string key, out Found found) => _found.TryGetValue((entity, key), out found);

    /// <summary>Looks up the keys not looked up yet.</summary>
    public async Task LoadAsync(EntityBinding entity, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var missing = keys.Where(k => !_found.ContainsKey((entity.Type, k))).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        if (entity.Batch)
        {
            Keep(entity, missing, await caller.CallAsync(entity.LookupBinding, Arguments(entity, missing), forwarded, cancellationToken).ConfigureAwait(false));
            return;
        }

        var answers = new ApiAnswer[missing.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, missing.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentCalls, CancellationToken = cancellationToken },
            async (i, token) => answers[i] = await caller.CallAsync(entity.LookupBinding, Arguments(entity, [missing[i]]), forwarded, token).ConfigureAwait(false))
            .ConfigureAwait(false);
        for (var i = 0; i < missing.Count; i++)
        {
            _answers.Add(answers[i]);
            _found[(entity.Type, missing[i])] = answers[i].Error is { } error ? new Found(null, error) : new Found(answers[i].Json!.RootElement, null);
        }
    }

    /// <summary>The key a JSON value holds (a string's text, a number's digits); null for anything else.</summary>
    public static string? KeyOf(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };

    public void Dispose()
    {
        foreach (var answer in _answers)
        {
            answer.Dispose();
        }
    }

    private void Keep(EntityBinding entity, List<string> keys, ApiAnswer answer)
    {
        _answers.Add(answer);
        var byKey = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var error = answer.Error;
        if (error is null && answer.Json!.RootElement is { ValueKind: JsonValueKind.Array } items)
        {
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(entity.KeyJsonName, out var key) && KeyOf(key) is { } text)
                {
                    byKey.TryAdd(text, item);
                }
            }
        }
        else
        {
            error ??= ApiError.Of($"{entity.LookupBinding.Method} {entity.LookupBinding.PathTemplate} did not answer a list.", "SUBREQUEST_MALFORMED_RESPONSE");
        }

        foreach (var key in keys)
        {
            _found[(entity.Type, key)] = error is not null ? new Found(null, error)
                : byKey.TryGetValue(key, out var item) ? new Found(item, null)
                : new Found(null, ApiError.Of($"No {entity.Type} has the key \"{key}\".", NotFoundCode));
        }
    }

    /// <summary>The lookup's arguments: the key (or the list of keys) as its argument's type wants it.</summary>
    private static JsonDocument Arguments(EntityBinding entity, List<string> keys)
    {
        var type = entity.LookupBinding.ArgumentTypes[entity.Argument];
        var numeric = TypeRefs.Named(type) is "Int" or "Float";
        var buffer = new ArrayBufferWriter<byte>(64 + (keys.Count * 16));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName(entity.Argument);
            if (entity.Batch)
            {
                json.WriteStartArray();
            }

            foreach (var key in keys)
            {
                if (numeric && key.Length > 0 && key.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or '.' or 'e' or 'E')
                    && double.TryParse(key, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    json.WriteRawValue(key);
                }
                else
                {
                    json.WriteStringValue(key);
                }
            }

            if (entity.Batch)
            {
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return JsonDocument.Parse(buffer.WrittenMemory);
    }

    /// <summary>An entity looked up: its JSON, or the error its lookup met.</summary>
    internal readonly record struct Found(JsonElement? Value, ApiError? Error);
}
