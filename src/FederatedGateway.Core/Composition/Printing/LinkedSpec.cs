namespace FederatedGateway.Core.Composition.Printing;

/// <summary>A spec the supergraph may link: its name (the default prefix), URL, purpose, directives and scalar.</summary>
internal sealed record LinkedSpec(string Name, string Url, string? Purpose, string[] Directives, string? Scalar);
