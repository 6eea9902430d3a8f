using FederatedGateway.Core.Composition.Merging;

namespace FederatedGateway.Core.Composition.Validation;

/// <summary>Checks the merged schema: field sharing, interfaces, @inaccessible, @interfaceObject, satisfiability.</summary>
internal static partial class SupergraphValidator
{
    public static void Validate(MergedSchema schema, List<CompositionError> errors, List<CompositionError> hints)
    {
    }
}
