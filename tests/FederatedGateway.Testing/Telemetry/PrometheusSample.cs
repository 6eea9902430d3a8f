namespace FederatedGateway.Testing.Telemetry;

/// <summary>One sample of Prometheus' text exposition format: a series (name and labels) and its value.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
