using System.Text.Json;
using System.Text.Json.Serialization;

namespace FederatedGateway.AspNetCore.Transcoding;

/// <summary>
/// A refused or failed transcoded call's body, shaped as google.rpc.Status in the protobuf JSON mapping:
/// <c>{"code":…,"message":…,"details":[]}</c>.
/// </summary>
internal sealed record TranscodingStatus(int Code, string Message, IReadOnlyList<string> Details);

/// <summary>The JSON of <see cref="TranscodingStatus"/>, generated at compile time (the web defaults).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(TranscodingStatus))]
internal sealed partial class TranscodingJsonContext : JsonSerializerContext;
