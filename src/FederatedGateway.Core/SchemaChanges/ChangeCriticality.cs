namespace FederatedGateway.Core.SchemaChanges;

/// <summary>What a schema change can do to existing clients.</summary>
public enum ChangeCriticality
{
    /// <summary>No existing operation changes meaning or fails.</summary>
    Safe,

    /// <summary>Existing operations still validate, but clients may see something they do not expect (a new enum value, union member, default).</summary>
    Dangerous,

    /// <summary>Existing operations may fail validation or receive data they cannot read.</summary>
    Breaking,
}
