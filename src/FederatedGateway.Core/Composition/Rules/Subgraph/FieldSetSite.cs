using FederatedGateway.Core.Composition.Subgraphs;

namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>A @requires or @provides to check: the type its field set selects from, the set, the message prefix and the field's position.</summary>
internal sealed record FieldSetSite(string TypeName, FieldSet Set, string Prefix, SdlLocation Location);
