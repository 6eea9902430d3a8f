namespace FederatedGateway.AspNetCore.Tests.Infrastructure;

/// <summary>One request of a <see cref="LoadRecorder"/>: when it started and how long it took (ms since the load started), and whether it was answered.</summary>
public readonly record struct LoadSample(double StartMs, double LatencyMs, bool Ok);
