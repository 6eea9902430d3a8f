using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Codec;

/// <summary>
/// Writes a protobuf message as GraphQL response JSON, field by field as the compiled selection asks (aliases,
/// <c>__typename</c>, unions for oneofs), reading the wire bytes in place. Absent fields get the proto3 defaults
/// (scalars and enums) or null (messages, optional scalars, wrappers).
/// </summary>
internal static class ProtoJsonWriter
{
    public static void WriteObject(Utf8JsonWriter json, ReadOnlySpan<byte> message, OutputSelection selection, ProtoJsonContext context)
    {
        json.WriteStartObject();
        var path = selection.HasResolvedRelations ? context.Relations?.Path : null;
        foreach (var output in selection.Fields)
        {
            if (!context.IsIncluded(output.Conditions))
            {
                continue;
            }

            path?.Add(output.Key.Value);
            json.WritePropertyName(output.Key);
            switch (output.Kind)
            {
                case OutputFieldKind.Typename:
                    json.WriteStringValue(selection.Type.GraphQLName);
                    break;
                case OutputFieldKind.EmptyMarker:
                    json.WriteBooleanValue(true);
                    break;
                case OutputFieldKind.Oneof:
                    WriteOneof(json, message, output, context);
                    break;
                case OutputFieldKind.Relation when output.RelationSelection is not null:
                    WriteResolvedRelation(json, message, output, context);
                    break;
                case OutputFieldKind.Relation:
                    WriteRelation(json, message, output);
                    break;
                default:
                    WriteField(json, message, output.Field!, output.Child, context);
                    break;
            }

            path?.RemoveAt(path.Count - 1);
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// A relation to an entity of this source: the entity looked up for each key, written with the relation's
    /// selection; null for an empty key, and null with an error where the lookup gave none.
    /// </summary>
    private static void WriteResolvedRelation(Utf8JsonWriter json, ReadOnlySpan<byte> message, OutputField output, ProtoJsonContext context)
    {
        var keyField = output.Relation!.KeyField;
        if (!keyField.IsRepeated)
        {
            if (WireScanner.TryFindLast(message, keyField.Number, out var last) && last.WireType == WireType.LengthDelimited && last.Length > 0)
            {
                WriteRelated(json, message.Slice(last.Start, last.Length), output, context, null);
            }
            else
            {
                json.WriteNullValue();
            }

            return;
        }

        json.WriteStartArray();
        var index = 0;
        var scanner = new WireScanner(message);
        while (scanner.Next(out var occurrence))
        {
            if (occurrence.Number != keyField.Number || occurrence.WireType != WireType.LengthDelimited)
            {
                continue;
            }

            if (occurrence.Length == 0)
            {
                json.WriteNullValue();
            }
            else
            {
                WriteRelated(json, message.Slice(occurrence.Start, occurrence.Length), output, context, index);
            }

            index++;
        }

        json.WriteEndArray();
    }

    private static void WriteRelated(Utf8JsonWriter json, ReadOnlySpan<byte> key, OutputField output, ProtoJsonContext context, int? index)
    {
        var answers = context.Relations;
        Client.EntityItem item = default;
        if (answers is null || !answers.TryGet(output.RelationEntity!, RelationKey(key, output.Relation!), out item) || item.Buffer is null)
        {
            if (answers is not null && item.Error is { } error)
            {
                answers.Fail(error, index);
            }

            json.WriteNullValue();
            return;
        }

        if (index is { } i)
        {
            answers.Path.Add(i);
        }

        WriteObject(json, item.Buffer.AsSpan(item.Start, item.Length), output.RelationSelection!, context);
        if (index is not null)
        {
            answers.Path.RemoveAt(answers.Path.Count - 1);
        }
    }

    /// <summary>A relation's key value as text.</summary>
    internal static string RelationKey(ReadOnlySpan<byte> key, ProtoRelation relation) =>
        System.Text.Unicode.Utf8.IsValid(key)
            ? System.Text.Encoding.UTF8.GetString(key)
            : throw new ProtoCodecException($"The gRPC message is malformed: \"{relation.KeyField.GraphQLName}\" is not UTF-8.");

    /// <summary>A relation: the entity's key object per key value (null for an empty key), a list for a repeated key field.</summary>
    private static void WriteRelation(Utf8JsonWriter json, ReadOnlySpan<byte> message, OutputField output)
    {
        var relation = output.Relation!;
        var number = relation.KeyField.Number;
        if (!relation.KeyField.IsRepeated)
        {
            if (WireScanner.TryFindLast(message, number, out var last) && last.WireType == WireType.LengthDelimited && last.Length > 0)
            {
                WriteRelationKey(json, message.Slice(last.Start, last.Length), output);
            }
            else
            {
                json.WriteNullValue();
            }

            return;
        }

        json.WriteStartArray();
        var scanner = new WireScanner(message);
        while (scanner.Next(out var occurrence))
        {
            if (occurrence.Number != number || occurrence.WireType != WireType.LengthDelimited)
            {
                continue;
            }

            if (occurrence.Length == 0)
            {
                json.WriteNullValue();
            }
            else
            {
                WriteRelationKey(json, message.Slice(occurrence.Start, occurrence.Length), output);
            }
        }

        json.WriteEndArray();
    }

    private static void WriteRelationKey(Utf8JsonWriter json, ReadOnlySpan<byte> key, OutputField output)
    {
        json.WriteStartObject();
        foreach (var (name, typename) in output.RelationFields!)
        {
            json.WritePropertyName(name);
            if (typename)
            {
                json.WriteStringValue(output.Relation!.TypeName);
            }
            else if (System.Text.Unicode.Utf8.IsValid(key))
            {
                json.WriteStringValue(key);
            }
            else
            {
                throw new ProtoCodecException($"The gRPC message is malformed: \"{output.Relation!.KeyField.GraphQLName}\" is not UTF-8.");
            }
        }

        json.WriteEndObject();
    }

    private static void WriteOneof(Utf8JsonWriter json, ReadOnlySpan<byte> message, OutputField output, ProtoJsonContext context)
    {
        var oneof = output.Oneof!;
        if (!TryFindCase(message, oneof, out var caseIndex, out var found))
        {
            json.WriteNullValue();
            return;
        }

        var member = oneof.Members[caseIndex];
        var selection = output.Members!.GetValueOrDefault(member) ?? new OutputSelection(member, []);
        WriteObject(json, oneof.MemberIsWrapper[caseIndex] ? message : message.Slice(found.Start, found.Length), selection, context);
    }

    /// <summary>The case of <paramref name="oneof"/> set in <paramref name="message"/> (the last one on the wire).</summary>
    internal static bool TryFindCase(ReadOnlySpan<byte> message, ProtoOneof oneof, out int caseIndex, out WireField found)
    {
        caseIndex = -1;
        found = default;
        var scanner = new WireScanner(message);
        while (scanner.Next(out var field))
        {
            for (var i = 0; i < oneof.Cases.Count; i++)
            {
                if (oneof.Cases[i].Number == field.Number)
                {
                    caseIndex = i;
                    found = field;
                }
            }
        }

        return caseIndex >= 0;
    }

    /// <summary>Writes the value of <paramref name="field"/> found in <paramref name="message"/>.</summary>
    public static void WriteField(Utf8JsonWriter json, ReadOnlySpan<byte> message, ProtoField field, OutputSelection? child, ProtoJsonContext context)
    {
        if (field.IsRepeated)
        {
            json.WriteStartArray();
            var path = child is { HasResolvedRelations: true } ? context.Relations?.Path : null;
            var index = 0;
            var scanner = new WireScanner(message);
            while (scanner.Next(out var occurrence))
            {
                if (occurrence.Number != field.Number)
                {
                    continue;
                }

                if (field.IsPackable && occurrence.WireType == WireType.LengthDelimited)
                {
                    WritePacked(json, field, message.Slice(occurrence.Start, occurrence.Length), context);
                }
                else
                {
                    path?.Add(index++);
                    WriteOccurrence(json, field, occurrence, message, child, context);
                    path?.RemoveAt(path.Count - 1);
                }
            }

            json.WriteEndArray();
            return;
        }

        var found = WireScanner.TryFindLast(message, field.Number, out var last);
        if (found && !(field.EmptyAsNull && IsDefault(last)))
        {
            WriteOccurrence(json, field, last, message, child, context);
        }
        else if (field.HasPresence || field.Kind >= ProtoValueKind.Message || field.EmptyAsNull)
        {
            json.WriteNullValue();
        }
        else
        {
            WriteDefault(json, field, field.Kind, context);
        }
    }

    /// <summary>A scalar occurrence holding its kind's default: an empty string or bytes, or zero.</summary>
    private static bool IsDefault(WireField occurrence) =>
        occurrence.WireType == WireType.LengthDelimited ? occurrence.Length == 0 : occurrence.Scalar == 0;

    private static void WriteOccurrence(Utf8JsonWriter json, ProtoField field, WireField occurrence, ReadOnlySpan<byte> message, OutputSelection? child, ProtoJsonContext context)
    {
        if (field.Kind < ProtoValueKind.Message)
        {
            WriteScalar(json, field, field.Kind, occurrence, message, context);
            return;
        }

        if (occurrence.WireType != WireType.LengthDelimited)
        {
            throw WrongWireType(field);
        }

        var bytes = message.Slice(occurrence.Start, occurrence.Length);
        if (field.Kind == ProtoValueKind.Message)
        {
            if (child is null)
            {
                WriteAllFields(json, field.Message!, bytes, context);
            }
            else
            {
                WriteObject(json, bytes, child, context);
            }
        }
        else
        {
            WellKnownCodec.Write(json, field, field.Kind, bytes, context);
        }
    }

    private static void WritePacked(Utf8JsonWriter json, ProtoField field, ReadOnlySpan<byte> packed, ProtoJsonContext context)
    {
        var wireType = ProtoEncoder.WireTypeOf(field.Kind);
        var position = 0;
        while (position < packed.Length)
        {
            ulong scalar;
            switch (wireType)
            {
                case WireType.Fixed32:
                    if (packed.Length - position < 4)
                    {
                        throw new ProtoCodecException("The gRPC message is malformed: a truncated packed field.");
                    }

                    scalar = BinaryPrimitives.ReadUInt32LittleEndian(packed[position..]);
                    position += 4;
                    break;
                case WireType.Fixed64:
                    if (packed.Length - position < 8)
                    {
                        throw new ProtoCodecException("The gRPC message is malformed: a truncated packed field.");
                    }

                    scalar = BinaryPrimitives.ReadUInt64LittleEndian(packed[position..]);
                    position += 8;
                    break;
                default:
                    position += WireScanner.ReadVarint(packed[position..], out scalar);
                    break;
            }

            WriteScalar(json, field, field.Kind, new WireField(field.Number, wireType, scalar, 0, 0), packed, context);
        }
    }

    /// <summary>Writes a scalar, string, bytes or enum occurrence.</summary>
    public static void WriteScalar(Utf8JsonWriter json, ProtoField field, ProtoValueKind kind, WireField value, ReadOnlySpan<byte> message, ProtoJsonContext context)
    {
        if (value.WireType != ProtoEncoder.WireTypeOf(kind))
        {
            throw WrongWireType(field);
        }

        var raw = value.Scalar;
        switch (kind)
        {
            case ProtoValueKind.Double:
                WriteFloating(json, BitConverter.Int64BitsToDouble((long)raw));
                break;
            case ProtoValueKind.Float:
                var single = BitConverter.UInt32BitsToSingle((uint)raw);
                if (float.IsFinite(single))
                {
                    json.WriteNumberValue(single);
                }
                else
                {
                    WriteFloating(json, single);
                }

                break;
            case ProtoValueKind.Int32:
            case ProtoValueKind.SFixed32:
                json.WriteNumberValue((int)raw);
                break;
            case ProtoValueKind.SInt32:
                json.WriteNumberValue((int)((uint)raw >> 1) ^ -(int)((uint)raw & 1));
                break;
            case ProtoValueKind.UInt32:
            case ProtoValueKind.Fixed32:
                json.WriteNumberValue((uint)raw);
                break;
            case ProtoValueKind.Int64:
            case ProtoValueKind.SFixed64:
                WriteInt64(json, (long)raw, context);
                break;
            case ProtoValueKind.SInt64:
                WriteInt64(json, (long)(raw >> 1) ^ -(long)(raw & 1), context);
                break;
            case ProtoValueKind.UInt64:
            case ProtoValueKind.Fixed64:
                if (context.Int64AsNumber)
                {
                    json.WriteNumberValue(raw);
                }
                else
                {
                    json.WriteStringValue(raw.ToString(CultureInfo.InvariantCulture));
                }

                break;
            case ProtoValueKind.Bool:
                json.WriteBooleanValue(raw != 0);
                break;
            case ProtoValueKind.String:
                try
                {
                    json.WriteStringValue(message.Slice(value.Start, value.Length));
                }
                catch (ArgumentException)
                {
                    throw new ProtoCodecException($"The gRPC message is malformed: \"{field.GraphQLName}\" is not valid UTF-8.");
                }

                break;
            case ProtoValueKind.Bytes:
                json.WriteBase64StringValue(message.Slice(value.Start, value.Length));
                break;
            case ProtoValueKind.Enum:
                if (field.Enum!.TryGetName((int)raw, out var name))
                {
                    json.WriteStringValue(name);
                }
                else
                {
                    // An enum value this gateway does not know (the service is newer): no GraphQL value to give.
                    json.WriteNullValue();
                }

                break;
        }
    }

    /// <summary>The proto3 default of a scalar kind.</summary>
    public static void WriteDefault(Utf8JsonWriter json, ProtoField field, ProtoValueKind kind, ProtoJsonContext context)
    {
        switch (kind)
        {
            case ProtoValueKind.Bool:
                json.WriteBooleanValue(false);
                break;
            case ProtoValueKind.String:
            case ProtoValueKind.Bytes:
                json.WriteStringValue("");
                break;
            case ProtoValueKind.Enum:
                if (field.Enum!.TryGetName(0, out var name))
                {
                    json.WriteStringValue(name);
                }
                else
                {
                    json.WriteNullValue();
                }

                break;
            case ProtoValueKind.Int64 or ProtoValueKind.SInt64 or ProtoValueKind.SFixed64 or ProtoValueKind.UInt64 or ProtoValueKind.Fixed64:
                WriteInt64(json, 0, context);
                break;
            default:
                json.WriteNumberValue(0);
                break;
        }
    }

    /// <summary>Every present field of a message, by GraphQL name (for <c>Any</c> and unselected JSON).</summary>
    public static void WriteAllFields(Utf8JsonWriter json, ProtoMessage message, ReadOnlySpan<byte> bytes, ProtoJsonContext context)
    {
        json.WriteStartObject();
        WritePresentFields(json, message, bytes, context);
        json.WriteEndObject();
    }

    /// <summary>The members of <see cref="WriteAllFields"/> into an object the caller has opened.</summary>
    public static void WritePresentFields(Utf8JsonWriter json, ProtoMessage message, ReadOnlySpan<byte> bytes, ProtoJsonContext context)
    {
        foreach (var field in message.Fields)
        {
            if (!WireScanner.TryFindLast(bytes, field.Number, out _))
            {
                continue;
            }

            json.WritePropertyName(field.EncodedName);
            WriteField(json, bytes, field, null, context);
        }
    }

    private static void WriteInt64(Utf8JsonWriter json, long value, ProtoJsonContext context)
    {
        if (context.Int64AsNumber)
        {
            json.WriteNumberValue(value);
        }
        else
        {
            json.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void WriteFloating(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumberValue(value);
        }
        else
        {
            json.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static ProtoCodecException WrongWireType(ProtoField field) =>
        new($"The gRPC message is malformed: \"{field.GraphQLName}\" (field {field.Number}) has the wrong wire type.");
}
