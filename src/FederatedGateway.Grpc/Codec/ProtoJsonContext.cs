using System.Text.Json;
using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Codec;

/// <summary>
/// What writing one answer needs besides the bytes: the schema, its options, the request's variables and the
/// entities its same-source relations looked up (null when it has none).
/// </summary>
internal readonly record struct ProtoJsonContext(GrpcSchema Schema, JsonElement Variables, Client.RelationAnswers? Relations = null)
{
    public bool Int64AsNumber => Schema.Options.Int64AsNumber;

    public bool IsIncluded(IReadOnlyList<InclusionCondition>? conditions)
    {
        if (conditions is null)
        {
            return true;
        }

        foreach (var condition in conditions)
        {
            var value = Variables.ValueKind == JsonValueKind.Object && Variables.TryGetProperty(condition.Variable, out var v)
                && v.ValueKind == JsonValueKind.True;
            if (value != condition.Include)
            {
                return false;
            }
        }

        return true;
    }
}
