namespace FederatedGateway.AspNetCore.Internal;

/// <summary>Registered by AddFederatedGateway so MapFederatedGateway can tell that it was called.</summary>
internal sealed class FederatedGatewayMarker;
