namespace FederatedGateway.Grpc.Translation;

/// <summary>
/// Which responses the idiomatic style unwraps: a message whose only field is the answer
/// (<c>ListEntriesResponse { repeated Entry entries }</c>) becomes that field (<c>[Entry!]!</c>). Entities, maps,
/// oneofs and well-known types stay as they are.
/// </summary>
internal static class ResponseUnwrapping
{
    public static ProtoField? FieldOf(ProtoMessage response)
    {
        if (response.Fields.Count != 1 || response.Descriptor is null || response.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal))
        {
            return null;
        }

        var field = response.Fields[0];
        var isEntity = response.Descriptor.GetOptions()?.GetExtension(Options.OptionsExtensions.Entity) is { Key.Length: > 0 };
        return isEntity || field.IsMap || field.Oneof is not null || field.Kind == ProtoValueKind.FieldMask ? null : field;
    }
}
