namespace FederatedGateway.AspNetCore.Authorization;

/// <summary>
/// Field authorization (<c>Gateway:Authorization</c>) of the supergraph's <c>@authenticated</c>,
/// <c>@requiresScopes</c> and <c>@policy</c>; <c>@policy</c> names are ASP.NET Core authorization policies.
/// </summary>
public sealed class AuthorizationSettings
{
    /// <summary>
    /// Refuse a whole request that selects any field the caller may not see (<c>UNAUTHORIZED_FIELD_OR_TYPE</c>),
    /// instead of answering the rest with <c>null</c> and an error at each such field. Default off.
    /// </summary>
    public bool RejectUnauthorized { get; set; }

    /// <summary>
    /// Who may introspect the schema (and so use the IDE): <c>authenticated</c> (any signed-in caller) or the name of an
    /// ASP.NET Core authorization policy; others get <c>INTROSPECTION_UNAUTHORIZED</c>. Default none: whoever may query.
    /// </summary>
    public string? IntrospectionPolicy { get; set; }
}
