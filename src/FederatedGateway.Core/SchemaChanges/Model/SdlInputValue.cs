namespace FederatedGateway.Core.SchemaChanges.Model;

/// <summary>An argument or input field: its type, default (printed, null when none), description and deprecation.</summary>
internal sealed record SdlInputValue(string Name, SdlTypeRef Type, string? DefaultValue, string? Description, string? Deprecation)
{
    /// <summary>Whether clients must give it: non-null with no default.</summary>
    public bool IsRequired => Type.IsNonNull && DefaultValue is null;
}
