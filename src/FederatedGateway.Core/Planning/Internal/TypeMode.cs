namespace FederatedGateway.Core.Planning.Internal;

/// <summary>How a subgraph sees a supergraph type.</summary>
internal enum TypeMode
{
    Absent,
    Object,
    Abstract,

    /// <summary>A supergraph interface the subgraph declares as an object type with <c>@interfaceObject</c>.</summary>
    InterfaceObject,
}
