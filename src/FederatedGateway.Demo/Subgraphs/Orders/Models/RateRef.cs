namespace FederatedGateway.Demo.Subgraphs.Orders.Models;

/// <summary>An FX rate, owned by the SOAP FX service: only its key, the pair <c>BASE/QUOTE</c>, e.g. <c>USD/GBP</c>.</summary>
internal sealed record RateRef(string Pair);
