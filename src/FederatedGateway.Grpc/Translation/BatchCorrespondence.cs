using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Options;

namespace FederatedGateway.Grpc.Translation;

/// <summary>Chooses how a batched lookup's answers are paired with its keys, from its shape and <c>(fgw.entity).batch_match</c>.</summary>
internal static class BatchCorrespondence
{
    public static LookupCorrespondence Choose(EntityBinding entity, BatchMatch option, string where)
    {
        if (!entity.IsBatched)
        {
            return LookupCorrespondence.ByPosition;
        }

        var byKeyPossible = entity.KeyFields.All(IsScalarKey);
        if (entity.BatchResponseField!.IsMap)
        {
            if (option == BatchMatch.ByPosition)
            {
                throw new GrpcSourceException($"{where}: the lookup answers a map of entities, which has no order: batch_match BY_POSITION cannot apply.");
            }

            if (entity.KeyFields.Count != 1 || !byKeyPossible)
            {
                throw new GrpcSourceException($"{where}: the lookup answers a map of entities, so the key must be one scalar field (it is \"{entity.Key}\").");
            }

            if (MapKey(entity.BatchResponseField)?.Kind != entity.KeyFields[0].Kind)
            {
                throw new GrpcSourceException(
                    $"{where}: the lookup's map {entity.BatchResponseField.ProtoName} has keys of another type than the key field \"{entity.Key}\".");
            }

            return LookupCorrespondence.ByMap;
        }

        return option switch
        {
            BatchMatch.ByPosition => LookupCorrespondence.ByPosition,
            BatchMatch.ByKey when !byKeyPossible => throw new GrpcSourceException(
                $"{where}: batch_match BY_KEY needs scalar key fields; \"{entity.Key}\" has a message or list field (use BY_POSITION)."),
            _ => byKeyPossible ? LookupCorrespondence.ByKey : LookupCorrespondence.ByPosition,
        };
    }

    private static ProtoField? MapKey(ProtoField map) => map.Message?.Fields.FirstOrDefault(f => f.Number == 1);

    /// <summary>The value field (2) of a map field's entry message.</summary>
    public static ProtoField? MapValue(ProtoField map) => map.Message?.Fields.FirstOrDefault(f => f.Number == 2);

    /// <summary>A plain scalar or enum (well-known types map to scalars in GraphQL but are messages on the wire).</summary>
    private static bool IsScalarKey(ProtoField field) => !field.IsRepeated && field.Kind < ProtoValueKind.Message;
}
