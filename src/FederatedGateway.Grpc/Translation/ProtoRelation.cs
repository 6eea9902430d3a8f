namespace FederatedGateway.Grpc.Translation;

/// <summary>
/// A relation field (<c>(fgw.field).relation</c>): the string field <see cref="KeyField"/> holds the key of entity
/// <see cref="TypeName"/>, owned by another subgraph; the object type gets <see cref="FieldName"/> of that type,
/// written as the entity's key (<c>{ id }</c>) for the gateway to join.
/// </summary>
public sealed record ProtoRelation(ProtoField KeyField, string TypeName, string FieldName, string KeyName);
