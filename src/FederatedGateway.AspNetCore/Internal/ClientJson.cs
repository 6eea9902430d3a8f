using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace FederatedGateway.AspNetCore.Internal;

/// <summary>
/// Parses JSON sent by a client, refusing what <see cref="JsonDocument"/> accepts but something later fails on:
/// bytes that are not UTF-8 and <c>\u</c> escapes that are half a surrogate pair (reading such a string throws), and
/// keys repeated in one object at any depth (the last one would silently win).
/// </summary>
internal static class ClientJson
{
    /// <summary>What is wrong with a client's JSON text, as the end of a sentence ("The request body …").</summary>
    public const string NotUtf8 = "is not valid UTF-8";

    public const string LoneSurrogate = "has a string with a lone surrogate escape (\\uD800-\\uDFFF outside a pair)";

    /// <summary>Parses <paramref name="utf8"/>; null with <paramref name="problem"/> set when it is not acceptable.</summary>
    public static JsonDocument? Parse(ReadOnlyMemory<byte> utf8, int maxDepth, out string? problem)
    {
        if (!Utf8.IsValid(utf8.Span))
        {
            problem = NotUtf8;
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = maxDepth, AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            // Syntax errors and duplicate keys; the reader's message says which and where.
            problem = "is not valid JSON: " + ex.Message;
            return null;
        }
        catch (InvalidOperationException)
        {
            // Comparing keys for duplicates decodes them: a key with half a surrogate pair cannot be (valid UTF-8 was checked).
            problem = LoneSurrogate;
            return null;
        }

        if (HasLoneSurrogate(utf8.Span, maxDepth))
        {
            document.Dispose();
            problem = LoneSurrogate;
            return null;
        }

        problem = null;
        return document;
    }

    /// <summary>True when an escaped string or key decodes to half a surrogate pair. The text is valid JSON.</summary>
    private static bool HasLoneSurrogate(ReadOnlySpan<byte> json, int maxDepth)
    {
        // Only a \u escape of D800-DFFF can spell one (the text is valid UTF-8, which has no surrogates); clients escape
        // quotes as \u0022, so most bodies with escapes have none of those and are not decoded (decoding a 1.9 MB
        // string rented 2 MB scratch arrays the shared pool kept for minutes).
        if (!HasSurrogateEscape(json))
        {
            return false;
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
        char[]? scratch = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    // An escaped value never decodes to more UTF-16 units than it has bytes.
                    var length = reader.ValueSpan.Length; // read from one span: never a sequence
                    if (scratch is null || scratch.Length < length)
                    {
                        if (scratch is not null)
                        {
                            ArrayPool<char>.Shared.Return(scratch);
                        }

                        scratch = ArrayPool<char>.Shared.Rent(length);
                    }

                    try
                    {
                        reader.CopyString(scratch);
                    }
                    catch (InvalidOperationException)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
        finally
        {
            if (scratch is not null)
            {
                ArrayPool<char>.Shared.Return(scratch);
            }
        }
    }

    /// <summary>True when the text has <c>\uD8</c>-<c>\uDF</c> (either case): possibly an escaped surrogate.</summary>
    private static bool HasSurrogateEscape(ReadOnlySpan<byte> json)
    {
        for (var at = json.IndexOf("\\u"u8); at >= 0 && at + 3 < json.Length;)
        {
            if (json[at + 2] is (byte)'d' or (byte)'D' && json[at + 3] is (byte)'8' or (byte)'9' or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F'))
            {
                return true;
            }

            var next = json[(at + 2)..].IndexOf("\\u"u8);
            at = next < 0 ? -1 : at + 2 + next;
        }

        return false;
    }
}
