namespace FederatedGateway.Demo.Apis.Fx;

/// <summary>A rate of <c>schemas/soap/fx-rates.wsdl</c>: one unit of the pair's base currency buys <see cref="Mid"/> of its quote currency.</summary>
internal sealed record FxQuote(string Pair, decimal Bid, decimal Ask, decimal Mid, DateTimeOffset AsOf);
