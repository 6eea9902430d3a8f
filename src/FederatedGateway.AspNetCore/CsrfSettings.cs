namespace FederatedGateway.AspNetCore;

/// <summary>
/// Cross-site request forgery prevention (configuration <c>Gateway:Csrf</c>). A browser sends some requests to another
/// site without asking first (no CORS preflight): GETs, and POSTs whose content type is form data or text. Such a request
/// could carry the user's cookies on an attacker's behalf, so the gateway refuses it unless it carries a header that
/// forces a preflight (see <see cref="RequiredHeaders"/>).
/// </summary>
public sealed class CsrfSettings
{
    /// <summary>Refuse requests that may be cross-site forgeries. Default on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Refuse every request a browser could send without a preflight, even one no browser marked as cross-site (Apollo
    /// Router's rule). Off (the default) refuses them only when the browser says they come from another site
    /// (<c>Sec-Fetch-Site: cross-site</c> or <c>same-site</c>) or from a foreign <c>Origin</c>; tools such as curl,
    /// which send neither, can then use GET without extra headers.
    /// </summary>
    public bool Strict { get; set; }

    /// <summary>Headers that force a preflight; any one of them lets a request through. Default <c>x-apollo-operation-name</c>, <c>apollo-require-preflight</c>, <c>graphql-preflight</c>.</summary>
    public List<string> RequiredHeaders { get; set; } = ["x-apollo-operation-name", "apollo-require-preflight", "graphql-preflight"];
}
