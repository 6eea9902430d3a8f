namespace FederatedGateway.Core.Authorization;

/// <summary>
/// The authorization directives of a supergraph (<c>@authenticated</c>, <c>@requiresScopes</c>, <c>@policy</c>), per
/// type (objects, interfaces, scalars, enums) and per field. Read once per supergraph
/// (<see cref="AuthorizationRequirementsReader"/>) and never changed.
/// </summary>
public sealed class AuthorizationRequirements
{
    /// <summary>A supergraph without authorization directives.</summary>
    public static readonly AuthorizationRequirements Empty = new(new Dictionary<string, AuthorizationRequirement>(), new Dictionary<(string, string), AuthorizationRequirement>());

    private readonly IReadOnlyDictionary<string, AuthorizationRequirement> _types;
    private readonly IReadOnlyDictionary<(string Type, string Field), AuthorizationRequirement> _fields;

    public AuthorizationRequirements(
        IReadOnlyDictionary<string, AuthorizationRequirement> types,
        IReadOnlyDictionary<(string Type, string Field), AuthorizationRequirement> fields)
    {
        _types = new Dictionary<string, AuthorizationRequirement>(types, StringComparer.Ordinal);
        _fields = new Dictionary<(string, string), AuthorizationRequirement>(fields);
        PolicyNames = _types.Values.Concat(_fields.Values)
            .SelectMany(r => r.Policies).SelectMany(p => p).SelectMany(p => p)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>True when nothing in the supergraph is protected: authorization has nothing to do.</summary>
    public bool IsEmpty => _types.Count == 0 && _fields.Count == 0;

    /// <summary>Every policy name the directives use, sorted.</summary>
    public IReadOnlyList<string> PolicyNames { get; }

    /// <summary>The protected types.</summary>
    public IEnumerable<string> Types => _types.Keys;

    /// <summary>The protected fields.</summary>
    public IEnumerable<(string Type, string Field)> Fields => _fields.Keys;

    /// <summary>The requirement on a type itself.</summary>
    public AuthorizationRequirement ForType(string type) =>
        _types.TryGetValue(type, out var requirement) ? requirement : AuthorizationRequirement.None;

    /// <summary>The requirement on a field itself (not its type's nor its parent's).</summary>
    public AuthorizationRequirement ForField(string type, string field) =>
        _fields.TryGetValue((type, field), out var requirement) ? requirement : AuthorizationRequirement.None;
}
