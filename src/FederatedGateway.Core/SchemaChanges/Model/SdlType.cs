namespace FederatedGateway.Core.SchemaChanges.Model;

/// <summary>A named type with everything the comparison looks at; which members are filled depends on <see cref="Kind"/>.</summary>
internal sealed class SdlType(string name, string kind)
{
    public string Name { get; } = name;

    /// <summary><c>scalar</c>, <c>type</c>, <c>interface</c>, <c>union</c>, <c>enum</c> or <c>input</c>, as written in SDL.</summary>
    public string Kind { get; } = kind;

    public string? Description { get; set; }

    public Dictionary<string, SdlField> Fields { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Interfaces { get; } = new(StringComparer.Ordinal);

    public HashSet<string> UnionMembers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SdlEnumValue> EnumValues { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SdlInputValue> InputFields { get; } = new(StringComparer.Ordinal);

    public string? SpecifiedBy { get; set; }

    public bool IsOneOf { get; set; }
}
