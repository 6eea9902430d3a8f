namespace FederatedGateway.Grpc.Translation;

/// <summary>
/// A relation field (<c>(fgw.field).relation</c>): the string field <see cref="KeyField"/> holds the key of entity
/// <see cref="TypeName"/>; the object type gets <see cref="FieldName"/> of that type, written as the entity's key
/// (<c>{ id }</c>) for the gateway to join when another subgraph owns the entity, or looked up by this source when it
/// owns it (<see cref="Client.RelationResolver"/>).
/// </summary>
public sealed record ProtoRelation(ProtoField KeyField, string TypeName, string FieldName, string KeyName);
