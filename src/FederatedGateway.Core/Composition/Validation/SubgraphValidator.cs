using FederatedGateway.Core.Composition.Subgraphs;

namespace FederatedGateway.Core.Composition.Validation;

/// <summary>Checks one subgraph on its own: field sets of @key/@requires/@provides, @external use, references.</summary>
internal static partial class SubgraphValidator
{
    public static void Validate(SubgraphSchema schema, List<CompositionError> errors)
    {
    }
}
