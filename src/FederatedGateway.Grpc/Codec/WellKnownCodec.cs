using System.Globalization;
using System.Text;
using System.Text.Json;
using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Codec;

/// <summary>
/// The well-known types that become scalars: Timestamp (RFC 3339), Duration (<c>"1.5s"</c>), the wrappers,
/// Struct/Value/ListValue (JSON), Any (JSON with <c>@type</c>) and FieldMask (a list of paths).
/// </summary>
internal static class WellKnownCodec
{
    private const long MinTimestampSeconds = -62135596800;
    private const long MaxTimestampSeconds = 253402300799;

    /// <summary>Encodes <paramref name="value"/> as the body of a well-known message (no tag, no length).</summary>
    public static void Encode(ProtoWriter writer, ProtoField field, ProtoValueKind kind, JsonElement value, GrpcSchema schema)
    {
        switch (kind)
        {
            case ProtoValueKind.Timestamp:
                var (seconds, nanos) = ParseTimestamp(field, value);
                WriteSecondsNanos(writer, seconds, nanos);
                break;
            case ProtoValueKind.Duration:
                var (dSeconds, dNanos) = ParseDuration(field, value);
                WriteSecondsNanos(writer, dSeconds, dNanos);
                break;
            case ProtoValueKind.Wrapper:
                if (field.WrappedKind is ProtoValueKind.String or ProtoValueKind.Bytes)
                {
                    writer.WriteTag(1, WireType.LengthDelimited);
                    writer.WriteLengthDelimited(field.WrappedKind == ProtoValueKind.String
                        ? Encoding.UTF8.GetBytes(value.ValueKind == JsonValueKind.String ? value.GetString()! : ProtoEncoder.Fail<string>(field, value, "a string"))
                        : ProtoEncoder.DecodeBase64(field, value));
                }
                else
                {
                    writer.WriteTag(1, ProtoEncoder.WireTypeOf(field.WrappedKind));
                    ProtoEncoder.WriteScalarPayload(writer, field, field.WrappedKind, value);
                }

                break;
            case ProtoValueKind.Struct:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    ProtoEncoder.Fail<int>(field, value, "a JSON object");
                }

                WriteStruct(writer, value);
                break;
            case ProtoValueKind.Value:
                WriteValue(writer, value);
                break;
            case ProtoValueKind.ListValue:
                if (value.ValueKind != JsonValueKind.Array)
                {
                    ProtoEncoder.Fail<int>(field, value, "a JSON array");
                }

                WriteList(writer, value);
                break;
            case ProtoValueKind.Any:
                WriteAny(writer, field, value, schema);
                break;
            case ProtoValueKind.FieldMask:
                var paths = value.ValueKind == JsonValueKind.String
                    ? value.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries)
                    : value.ValueKind == JsonValueKind.Array
                        ? value.EnumerateArray().Select(p => p.GetString() ?? "").ToArray()
                        : ProtoEncoder.Fail<string[]>(field, value, "a list of paths");
                foreach (var path in paths)
                {
                    writer.WriteTag(1, WireType.LengthDelimited);
                    writer.WriteLengthDelimited(Encoding.UTF8.GetBytes(path));
                }

                break;
            default:
                throw new ProtoCodecException($"\"{field.GraphQLName}\" has no well-known encoding.");
        }
    }

    /// <summary>Writes the JSON of a well-known message's bytes.</summary>
    public static void Write(Utf8JsonWriter json, ProtoField field, ProtoValueKind kind, ReadOnlySpan<byte> bytes, ProtoJsonContext context)
    {
        switch (kind)
        {
            case ProtoValueKind.Timestamp:
                var (seconds, nanos) = ReadSecondsNanos(bytes);
                json.WriteStringValue(FormatTimestamp(seconds, nanos));
                break;
            case ProtoValueKind.Duration:
                var (dSeconds, dNanos) = ReadSecondsNanos(bytes);
                json.WriteStringValue(FormatDuration(dSeconds, dNanos));
                break;
            case ProtoValueKind.Wrapper:
                if (WireScanner.TryFindLast(bytes, 1, out var inner))
                {
                    ProtoJsonWriter.WriteScalar(json, field, field.WrappedKind, inner, bytes, context);
                }
                else
                {
                    ProtoJsonWriter.WriteDefault(json, field, field.WrappedKind, context);
                }

                break;
            case ProtoValueKind.Struct:
                WriteStructJson(json, bytes);
                break;
            case ProtoValueKind.Value:
                WriteValueJson(json, bytes);
                break;
            case ProtoValueKind.ListValue:
                WriteListJson(json, bytes);
                break;
            case ProtoValueKind.Any:
                WriteAnyJson(json, field, bytes, context);
                break;
            case ProtoValueKind.Empty:
                json.WriteBooleanValue(true);
                break;
            case ProtoValueKind.FieldMask:
                json.WriteStartArray();
                var scanner = new WireScanner(bytes);
                while (scanner.Next(out var path))
                {
                    if (path.Number == 1 && path.WireType == WireType.LengthDelimited)
                    {
                        json.WriteStringValue(bytes.Slice(path.Start, path.Length));
                    }
                }

                json.WriteEndArray();
                break;
        }
    }

    private static void WriteSecondsNanos(ProtoWriter writer, long seconds, int nanos)
    {
        if (seconds != 0)
        {
            writer.WriteTag(1, WireType.Varint);
            writer.WriteVarint((ulong)seconds);
        }

        if (nanos != 0)
        {
            writer.WriteTag(2, WireType.Varint);
            writer.WriteVarint((ulong)(long)nanos);
        }
    }

    private static (long Seconds, int Nanos) ReadSecondsNanos(ReadOnlySpan<byte> bytes)
    {
        long seconds = 0;
        var nanos = 0;
        var scanner = new WireScanner(bytes);
        while (scanner.Next(out var f))
        {
            if (f.Number == 1 && f.WireType == WireType.Varint)
            {
                seconds = (long)f.Scalar;
            }
            else if (f.Number == 2 && f.WireType == WireType.Varint)
            {
                nanos = (int)(long)f.Scalar;
            }
        }

        return (seconds, nanos);
    }

    internal static string FormatTimestamp(long seconds, int nanos)
    {
        if (seconds is < MinTimestampSeconds or > MaxTimestampSeconds || nanos is < 0 or > 999_999_999)
        {
            throw new ProtoCodecException($"A google.protobuf.Timestamp is out of range ({seconds} s, {nanos} ns).");
        }

        var time = DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;
        return time.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture) + Fraction(nanos) + "Z";
    }

    internal static string FormatDuration(long seconds, int nanos)
    {
        var negative = seconds < 0 || nanos < 0;
        return (negative ? "-" : "") + Math.Abs(seconds).ToString(CultureInfo.InvariantCulture) + Fraction(Math.Abs(nanos)) + "s";
    }

    private static string Fraction(int nanos) =>
        nanos == 0 ? ""
        : nanos % 1_000_000 == 0 ? "." + (nanos / 1_000_000).ToString("000", CultureInfo.InvariantCulture)
        : nanos % 1_000 == 0 ? "." + (nanos / 1_000).ToString("000000", CultureInfo.InvariantCulture)
        : "." + nanos.ToString("000000000", CultureInfo.InvariantCulture);

    private static (long Seconds, int Nanos) ParseTimestamp(ProtoField field, JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : ProtoEncoder.Fail<string>(field, value, "an RFC 3339 date-time string");
        var nanos = 0;
        var t = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        var dot = t < 0 ? -1 : text.IndexOf('.', t);
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            var digits = text[(dot + 1)..end];
            if (digits.Length is 0 or > 9)
            {
                ProtoEncoder.Fail<int>(field, value, "an RFC 3339 date-time string");
            }

            nanos = int.Parse(digits.PadRight(9, '0'), CultureInfo.InvariantCulture);
            text = text[..dot] + text[end..];
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            ProtoEncoder.Fail<int>(field, value, "an RFC 3339 date-time string");
        }

        return (parsed.ToUnixTimeSeconds(), nanos);
    }

    private static (long Seconds, int Nanos) ParseDuration(ProtoField field, JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        if (!text.EndsWith('s') || !decimal.TryParse(text[..^1], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var total))
        {
            return ProtoEncoder.Fail<(long, int)>(field, value, "a duration such as \"1.5s\"");
        }

        var seconds = (long)decimal.Truncate(total);
        var nanos = (int)((total - seconds) * 1_000_000_000m);
        return (seconds, nanos);
    }

    private static void WriteStruct(ProtoWriter writer, JsonElement value)
    {
        foreach (var property in value.EnumerateObject())
        {
            using var entry = new ProtoWriter();
            entry.WriteTag(1, WireType.LengthDelimited);
            entry.WriteLengthDelimited(Encoding.UTF8.GetBytes(property.Name));
            using var inner = new ProtoWriter();
            WriteValue(inner, property.Value);
            entry.WriteTag(2, WireType.LengthDelimited);
            entry.WriteLengthDelimited(inner.Written);
            writer.WriteTag(1, WireType.LengthDelimited);
            writer.WriteLengthDelimited(entry.Written);
        }
    }

    private static void WriteList(ProtoWriter writer, JsonElement value)
    {
        foreach (var item in value.EnumerateArray())
        {
            using var inner = new ProtoWriter();
            WriteValue(inner, item);
            writer.WriteTag(1, WireType.LengthDelimited);
            writer.WriteLengthDelimited(inner.Written);
        }
    }

    private static void WriteValue(ProtoWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                writer.WriteTag(1, WireType.Varint);
                writer.WriteVarint(0);
                break;
            case JsonValueKind.Number:
                writer.WriteTag(2, WireType.Fixed64);
                writer.WriteFixed64((ulong)BitConverter.DoubleToInt64Bits(value.GetDouble()));
                break;
            case JsonValueKind.String:
                writer.WriteTag(3, WireType.LengthDelimited);
                writer.WriteLengthDelimited(Encoding.UTF8.GetBytes(value.GetString()!));
                break;
            case JsonValueKind.True or JsonValueKind.False:
                writer.WriteTag(4, WireType.Varint);
                writer.WriteVarint(value.ValueKind == JsonValueKind.True ? 1UL : 0UL);
                break;
            case JsonValueKind.Object:
                using (var inner = new ProtoWriter())
                {
                    WriteStruct(inner, value);
                    writer.WriteTag(5, WireType.LengthDelimited);
                    writer.WriteLengthDelimited(inner.Written);
                }

                break;
            case JsonValueKind.Array:
                using (var inner = new ProtoWriter())
                {
                    WriteList(inner, value);
                    writer.WriteTag(6, WireType.LengthDelimited);
                    writer.WriteLengthDelimited(inner.Written);
                }

                break;
        }
    }

    private static void WriteAny(ProtoWriter writer, ProtoField field, JsonElement value, GrpcSchema schema)
    {
        var url = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("@type", out var typeUrl) && typeUrl.ValueKind == JsonValueKind.String
            ? typeUrl.GetString()!
            : ProtoEncoder.Fail<string>(field, value, "an object with an \"@type\" member");
        var message = schema.MessagesByFullName.GetValueOrDefault(url[(url.LastIndexOf('/') + 1)..])
            ?? throw new ProtoCodecException($"\"{field.GraphQLName}\": the type {url} is not known to this gRPC source.");
        using var body = new ProtoWriter();
        var (kind, wrapped) = TypeRegistry.WellKnown(message.FullName);
        if (kind == ProtoValueKind.Message)
        {
            ProtoEncoder.WriteMessage(body, message, value, schema);
        }
        else if (kind != ProtoValueKind.Empty && value.TryGetProperty("value", out var inner))
        {
            var pseudo = new ProtoField(message.Descriptor!.Fields.InDeclarationOrder()[0], "value", kind, wrapped) { Message = message };
            Encode(body, pseudo, kind, inner, schema);
        }

        writer.WriteTag(1, WireType.LengthDelimited);
        writer.WriteLengthDelimited(Encoding.UTF8.GetBytes(url));
        writer.WriteTag(2, WireType.LengthDelimited);
        writer.WriteLengthDelimited(body.Written);
    }

    private static void WriteStructJson(Utf8JsonWriter json, ReadOnlySpan<byte> bytes)
    {
        json.WriteStartObject();
        var scanner = new WireScanner(bytes);
        while (scanner.Next(out var entry))
        {
            if (entry.Number != 1 || entry.WireType != WireType.LengthDelimited)
            {
                continue;
            }

            var entryBytes = bytes.Slice(entry.Start, entry.Length);
            var key = WireScanner.TryFindLast(entryBytes, 1, out var k) ? entryBytes.Slice(k.Start, k.Length) : [];
            json.WritePropertyName(key);
            if (WireScanner.TryFindLast(entryBytes, 2, out var v))
            {
                WriteValueJson(json, entryBytes.Slice(v.Start, v.Length));
            }
            else
            {
                json.WriteNullValue();
            }
        }

        json.WriteEndObject();
    }

    private static void WriteListJson(Utf8JsonWriter json, ReadOnlySpan<byte> bytes)
    {
        json.WriteStartArray();
        var scanner = new WireScanner(bytes);
        while (scanner.Next(out var item))
        {
            if (item.Number == 1 && item.WireType == WireType.LengthDelimited)
            {
                WriteValueJson(json, bytes.Slice(item.Start, item.Length));
            }
        }

        json.WriteEndArray();
    }

    private static void WriteValueJson(Utf8JsonWriter json, ReadOnlySpan<byte> bytes)
    {
        WireField last = default;
        var scanner = new WireScanner(bytes);
        while (scanner.Next(out var f))
        {
            if (f.Number is >= 1 and <= 6)
            {
                last = f;
            }
        }

        switch (last.Number)
        {
            case 2:
                var number = BitConverter.Int64BitsToDouble((long)last.Scalar);
                if (double.IsFinite(number))
                {
                    json.WriteNumberValue(number);
                }
                else
                {
                    json.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
                }

                break;
            case 3:
                json.WriteStringValue(bytes.Slice(last.Start, last.Length));
                break;
            case 4:
                json.WriteBooleanValue(last.Scalar != 0);
                break;
            case 5:
                WriteStructJson(json, bytes.Slice(last.Start, last.Length));
                break;
            case 6:
                WriteListJson(json, bytes.Slice(last.Start, last.Length));
                break;
            default:
                json.WriteNullValue();
                break;
        }
    }

    private static void WriteAnyJson(Utf8JsonWriter json, ProtoField field, ReadOnlySpan<byte> bytes, ProtoJsonContext context)
    {
        var url = WireScanner.TryFindLast(bytes, 1, out var u) ? Encoding.UTF8.GetString(bytes.Slice(u.Start, u.Length)) : "";
        var body = WireScanner.TryFindLast(bytes, 2, out var b) ? bytes.Slice(b.Start, b.Length) : [];
        json.WriteStartObject();
        json.WriteString("@type", url);
        var message = context.Schema.MessagesByFullName.GetValueOrDefault(url[(url.LastIndexOf('/') + 1)..]);
        if (message is null)
        {
            json.WriteBase64String("value", body);
        }
        else
        {
            var (kind, wrapped) = TypeRegistry.WellKnown(message.FullName);
            if (kind == ProtoValueKind.Message)
            {
                ProtoJsonWriter.WritePresentFields(json, message, body, context);
            }
            else
            {
                json.WritePropertyName("value");
                var pseudo = new ProtoField(message.Descriptor!.Fields.InDeclarationOrder()[0], "value", kind, wrapped) { Message = message };
                Write(json, pseudo, kind, body, context);
            }
        }

        json.WriteEndObject();
        _ = field;
    }
}
