using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>One field on the way down to what is being planned: where it was planned and with what (for re-entering a chain from an ancestor).</summary>
internal sealed record Crumb(PlanPosition At, SchemaType ParentType, SchemaField Field, FieldSelection Selection);
