using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Codec;

/// <summary>
/// Encodes GraphQL input values (JSON, with GraphQL field names) into protobuf messages, driven by the translated
/// <see cref="ProtoMessage"/>s. Unknown members (e.g. <c>__typename</c> of a representation) are ignored; null means absent.
/// </summary>
internal static class ProtoEncoder
{
    public static byte[] Encode(ProtoMessage message, JsonElement value, GrpcSchema schema)
    {
        using var writer = new ProtoWriter();
        if (value.ValueKind == JsonValueKind.Object)
        {
            WriteMessage(writer, message, value, schema);
        }

        return writer.ToArray();
    }

    public static void WriteMessage(ProtoWriter writer, ProtoMessage message, JsonElement value, GrpcSchema schema)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new ProtoCodecException($"Expected an object for {message.GraphQLName}, got {value.ValueKind}.");
        }

        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (message.FindOneof(property.Name) is { } oneof && message.FindField(property.Name) is null)
            {
                WriteOneof(writer, oneof, property.Value, schema);
            }
            else if (message.FindField(property.Name) is { } field)
            {
                WriteField(writer, field, property.Value, schema);
            }
        }
    }

    public static void WriteField(ProtoWriter writer, ProtoField field, JsonElement value, GrpcSchema schema)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (!field.IsRepeated)
        {
            WriteSingle(writer, field, field.Kind, value, schema);
            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            // GraphQL input coercion: a single value where a list is expected is a list of one.
            WriteSingle(writer, field, field.Kind, value, schema);
            return;
        }

        if (field.IsPackable)
        {
            using var packed = new ProtoWriter();
            foreach (var item in value.EnumerateArray())
            {
                WriteScalarPayload(packed, field, field.Kind, item);
            }

            if (packed.Length > 0)
            {
                writer.WriteTag(field.Number, WireType.LengthDelimited);
                writer.WriteLengthDelimited(packed.Written);
            }

            return;
        }

        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Null && field.Kind != ProtoValueKind.Value)
            {
                throw new ProtoCodecException($"\"{field.GraphQLName}\" cannot hold null items.");
            }

            WriteSingle(writer, field, field.Kind, item, schema);
        }
    }

    /// <summary>One item of a repeated field, unpacked (valid on the wire for every kind).</summary>
    public static void WriteItem(ProtoWriter writer, ProtoField field, JsonElement value, GrpcSchema schema) =>
        WriteSingle(writer, field, field.Kind, value, schema);

    private static void WriteOneof(ProtoWriter writer, ProtoOneof oneof, JsonElement value, GrpcSchema schema)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new ProtoCodecException($"\"{oneof.GraphQLName}\" takes an object with exactly one member.");
        }

        ProtoField? chosen = null;
        JsonElement chosenValue = default;
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var match = oneof.Cases.FirstOrDefault(c => c.GraphQLName == property.Name)
                ?? throw new ProtoCodecException($"\"{property.Name}\" is not a member of \"{oneof.GraphQLName}\".");
            if (chosen is not null)
            {
                throw new ProtoCodecException($"\"{oneof.GraphQLName}\" takes exactly one member; got \"{chosen.GraphQLName}\" and \"{match.GraphQLName}\".");
            }

            chosen = match;
            chosenValue = property.Value;
        }

        if (chosen is null)
        {
            throw new ProtoCodecException($"\"{oneof.GraphQLName}\" takes exactly one non-null member.");
        }

        WriteSingle(writer, chosen, chosen.Kind, chosenValue, schema);
    }

    private static void WriteSingle(ProtoWriter writer, ProtoField field, ProtoValueKind kind, JsonElement value, GrpcSchema schema)
    {
        if (kind < ProtoValueKind.Message && kind is not (ProtoValueKind.String or ProtoValueKind.Bytes))
        {
            writer.WriteTag(field.Number, WireTypeOf(kind));
            WriteScalarPayload(writer, field, kind, value);
            return;
        }

        using var nested = new ProtoWriter();
        switch (kind)
        {
            case ProtoValueKind.String:
                writer.WriteTag(field.Number, WireType.LengthDelimited);
                writer.WriteLengthDelimited(Encoding.UTF8.GetBytes(value.ValueKind == JsonValueKind.String ? value.GetString()! : Fail<string>(field, value, "a string")));
                return;
            case ProtoValueKind.Bytes:
                writer.WriteTag(field.Number, WireType.LengthDelimited);
                writer.WriteLengthDelimited(DecodeBase64(field, value));
                return;
            case ProtoValueKind.Message:
                WriteMessage(nested, field.Message!, value, schema);
                break;
            case ProtoValueKind.Empty:
                if (value.ValueKind == JsonValueKind.False)
                {
                    return;
                }

                break;
            default:
                WellKnownCodec.Encode(nested, field, kind, value, schema);
                break;
        }

        writer.WriteTag(field.Number, WireType.LengthDelimited);
        writer.WriteLengthDelimited(nested.Written);
    }

    /// <summary>The wire payload of a varint/fixed scalar (no tag).</summary>
    internal static void WriteScalarPayload(ProtoWriter writer, ProtoField field, ProtoValueKind kind, JsonElement value)
    {
        switch (kind)
        {
            case ProtoValueKind.Double:
                writer.WriteFixed64((ulong)BitConverter.DoubleToInt64Bits(ReadDouble(field, value)));
                break;
            case ProtoValueKind.Float:
                writer.WriteFixed32(BitConverter.SingleToUInt32Bits((float)ReadDouble(field, value)));
                break;
            case ProtoValueKind.Int32:
                writer.WriteVarint((ulong)(long)ReadInt64(field, value, int.MinValue, int.MaxValue));
                break;
            case ProtoValueKind.SInt32:
                var s32 = (int)ReadInt64(field, value, int.MinValue, int.MaxValue);
                writer.WriteVarint((uint)((s32 << 1) ^ (s32 >> 31)));
                break;
            case ProtoValueKind.SFixed32:
                writer.WriteFixed32((uint)(int)ReadInt64(field, value, int.MinValue, int.MaxValue));
                break;
            case ProtoValueKind.UInt32:
                writer.WriteVarint((ulong)ReadInt64(field, value, 0, uint.MaxValue));
                break;
            case ProtoValueKind.Fixed32:
                writer.WriteFixed32((uint)ReadInt64(field, value, 0, uint.MaxValue));
                break;
            case ProtoValueKind.Int64:
                writer.WriteVarint((ulong)ReadInt64(field, value, long.MinValue, long.MaxValue));
                break;
            case ProtoValueKind.SInt64:
                var s64 = ReadInt64(field, value, long.MinValue, long.MaxValue);
                writer.WriteVarint((ulong)((s64 << 1) ^ (s64 >> 63)));
                break;
            case ProtoValueKind.SFixed64:
                writer.WriteFixed64((ulong)ReadInt64(field, value, long.MinValue, long.MaxValue));
                break;
            case ProtoValueKind.UInt64:
                writer.WriteVarint(ReadUInt64(field, value));
                break;
            case ProtoValueKind.Fixed64:
                writer.WriteFixed64(ReadUInt64(field, value));
                break;
            case ProtoValueKind.Bool:
                writer.WriteVarint(value.ValueKind switch
                {
                    JsonValueKind.True => 1UL,
                    JsonValueKind.False => 0UL,
                    _ => Fail<ulong>(field, value, "a Boolean"),
                });
                break;
            case ProtoValueKind.Enum:
                writer.WriteVarint((ulong)(long)ReadEnum(field, value));
                break;
            default:
                throw new ProtoCodecException($"\"{field.GraphQLName}\" cannot be packed.");
        }
    }

    internal static int WireTypeOf(ProtoValueKind kind) => kind switch
    {
        ProtoValueKind.Double or ProtoValueKind.Fixed64 or ProtoValueKind.SFixed64 => WireType.Fixed64,
        ProtoValueKind.Float or ProtoValueKind.Fixed32 or ProtoValueKind.SFixed32 => WireType.Fixed32,
        ProtoValueKind.String or ProtoValueKind.Bytes => WireType.LengthDelimited,
        < ProtoValueKind.Message => WireType.Varint,
        _ => WireType.LengthDelimited,
    };

    private static int ReadEnum(ProtoField field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String && field.Enum!.TryGetNumber(value.GetString()!, out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out number))
        {
            return number;
        }

        return Fail<int>(field, value, $"a value of enum {field.Enum!.GraphQLName}");
    }

    internal static double ReadDouble(ProtoField field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when value.GetString() is "NaN" => double.NaN,
        JsonValueKind.String when value.GetString() is "Infinity" => double.PositiveInfinity,
        JsonValueKind.String when value.GetString() is "-Infinity" => double.NegativeInfinity,
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => Fail<double>(field, value, "a number"),
    };

    internal static long ReadInt64(ProtoField field, JsonElement value, long min, long max)
    {
        long result;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out result))
        {
        }
        else if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result))
        {
        }
        else if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && Math.Floor(d) == d && d >= min && d <= max)
        {
            result = (long)d;
        }
        else
        {
            return Fail<long>(field, value, "an integer");
        }

        return result < min || result > max ? Fail<long>(field, value, $"an integer in [{min}, {max}]") : result;
    }

    internal static ulong ReadUInt64(ProtoField field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var result))
        {
            return result;
        }

        if (value.ValueKind == JsonValueKind.String && ulong.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out result))
        {
            return result;
        }

        return Fail<ulong>(field, value, "an unsigned integer");
    }

    internal static byte[] DecodeBase64(ProtoField field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (text.Contains('-') || text.Contains('_'))
            {
                text = text.Replace('-', '+').Replace('_', '/');
            }

            text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
            var buffer = new byte[Base64.GetMaxDecodedFromUtf8Length(text.Length)];
            if (Convert.TryFromBase64String(text, buffer, out var written))
            {
                return buffer[..written];
            }
        }

        return Fail<byte[]>(field, value, "a base64 string");
    }

    internal static T Fail<T>(ProtoField field, JsonElement value, string expected) =>
        throw new ProtoCodecException($"\"{field.GraphQLName}\" expects {expected}; got {Describe(value)}.");

    private static string Describe(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length > 40 ? raw[..40] + "…" : raw;
    }
}
