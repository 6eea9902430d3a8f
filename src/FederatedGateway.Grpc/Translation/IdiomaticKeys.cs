namespace FederatedGateway.Grpc.Translation;

/// <summary>
/// Keys in the idiomatic style: an entity's string key fields are <c>ID</c>s, and so are the key arguments of its
/// lookup, which become required (<c>account(id: ID!)</c>, <c>accounts(ids: [ID!]!)</c>), so a query cannot send an
/// empty key by leaving the argument out.
/// </summary>
internal static class IdiomaticKeys
{
    public static void Apply(IEnumerable<EntityBinding> entities)
    {
        foreach (var entity in entities)
        {
            foreach (var key in entity.KeyFields)
            {
                MakeId(key);
            }

            if (entity.Lookup is not { } lookup)
            {
                continue;
            }

            if (entity.BatchRequestField is { } batch)
            {
                if (batch.Kind == ProtoValueKind.String)
                {
                    MakeId(batch);
                }

                batch.IsRequired = true;
                continue;
            }

            foreach (var key in entity.KeyFields)
            {
                if (lookup.Request.FindField(key.GraphQLName) is { } argument)
                {
                    MakeId(argument);
                    argument.IsRequired = argument.Oneof is null;
                }
            }
        }
    }

    private static void MakeId(ProtoField field)
    {
        if (field.Kind == ProtoValueKind.String && field.GraphQLTypeOverride is null)
        {
            field.GraphQLTypeOverride = "ID";
        }
    }
}
