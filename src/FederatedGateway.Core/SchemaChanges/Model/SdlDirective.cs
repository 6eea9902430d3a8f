namespace FederatedGateway.Core.SchemaChanges.Model;

/// <summary>A directive definition: arguments, locations and whether it is repeatable.</summary>
internal sealed record SdlDirective(string Name, IReadOnlyDictionary<string, SdlInputValue> Arguments, IReadOnlySet<string> Locations, bool Repeatable, string? Description);
