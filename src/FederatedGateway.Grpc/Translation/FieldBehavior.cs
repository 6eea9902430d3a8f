using FederatedGateway.Grpc.Codec;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace FederatedGateway.Grpc.Translation;

/// <summary>
/// Reads <c>google.api.field_behavior</c> (extension 1052 of <c>FieldOptions</c>, a repeated enum) without its
/// generated code: descriptors keep extensions they do not know as unknown fields, which survive re-serialization.
/// </summary>
internal static class FieldBehavior
{
    private const int Extension = 1052;

    private const ulong Required = 2;

    public static bool IsRequired(FieldDescriptor field)
    {
        var options = field.GetOptions();
        if (options is null)
        {
            return false;
        }

        var bytes = options.ToByteArray();
        try
        {
            var scanner = new WireScanner(bytes);
            while (scanner.Next(out var occurrence))
            {
                if (occurrence.Number != Extension)
                {
                    continue;
                }

                if (occurrence.WireType == WireType.Varint && occurrence.Scalar == Required)
                {
                    return true;
                }

                if (occurrence.WireType == WireType.LengthDelimited && PackedContains(bytes.AsSpan(occurrence.Start, occurrence.Length)))
                {
                    return true;
                }
            }
        }
        catch (ProtoCodecException)
        {
            // Options that do not scan say nothing about the field.
        }

        return false;
    }

    private static bool PackedContains(ReadOnlySpan<byte> packed)
    {
        while (packed.Length > 0)
        {
            var used = WireScanner.ReadVarint(packed, out var value);
            if (value == Required)
            {
                return true;
            }

            packed = packed[used..];
        }

        return false;
    }
}
