using Google.Protobuf;

namespace FederatedGateway.Grpc.Descriptors.Reflection;

/// <summary>One reply of a reflection stream, whichever version: services listed, files sent, or an error.</summary>
internal sealed record ReflectionAnswer(IReadOnlyList<string> Services, IReadOnlyList<ByteString> Files, int ErrorCode, string? ErrorMessage)
{
    public bool IsError => ErrorMessage is not null || ErrorCode != 0;
}
