using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace FederatedGateway.Grpc.Descriptors;

/// <summary>
/// The files of the well-known types (<c>google/protobuf/*.proto</c>) as Google.Protobuf builds them in: the gateway
/// supplies them to reflection sources that do not send them (or send their own merged copy, as protobufjs does).
/// </summary>
internal static class WellKnownProtoFiles
{
    private static readonly FileDescriptor[] s_files =
    [
        AnyReflection.Descriptor, ApiReflection.Descriptor, DurationReflection.Descriptor, EmptyReflection.Descriptor,
        FieldMaskReflection.Descriptor, SourceContextReflection.Descriptor, StructReflection.Descriptor,
        TimestampReflection.Descriptor, TypeReflection.Descriptor, WrappersReflection.Descriptor, DescriptorReflection.Descriptor,
    ];

    private static readonly Dictionary<string, FileDescriptorProto> s_byName =
        s_files.ToDictionary(f => f.Name, f => FileDescriptorProto.Parser.ParseFrom(f.SerializedData), StringComparer.Ordinal);

    private static readonly Dictionary<string, FileDescriptorProto> s_bySymbol = s_byName.Values
        .SelectMany(file => ProtoSymbols.Declared(file).Select(symbol => (symbol, file)))
        .ToDictionary(pair => pair.symbol, pair => pair.file, StringComparer.Ordinal);

    /// <summary>The built-in file named <paramref name="name"/> (e.g. <c>google/protobuf/timestamp.proto</c>).</summary>
    public static bool TryGetByName(string name, out FileDescriptorProto file) => s_byName.TryGetValue(name, out file!);

    /// <summary>The built-in file declaring <paramref name="fullName"/> (e.g. <c>google.protobuf.Timestamp</c>).</summary>
    public static bool TryGetBySymbol(string fullName, out FileDescriptorProto file) => s_bySymbol.TryGetValue(fullName, out file!);
}
