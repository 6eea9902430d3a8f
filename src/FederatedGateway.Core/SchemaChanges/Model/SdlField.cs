namespace FederatedGateway.Core.SchemaChanges.Model;

/// <summary>An object or interface field: its type, arguments, description and deprecation reason (null when not deprecated).</summary>
internal sealed record SdlField(string Name, SdlTypeRef Type, IReadOnlyDictionary<string, SdlInputValue> Arguments, string? Description, string? Deprecation);
