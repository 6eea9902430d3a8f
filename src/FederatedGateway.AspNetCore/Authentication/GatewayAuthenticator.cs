using FederatedGateway.Execution.Requests;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FederatedGateway.AspNetCore.Authentication;

/// <summary>
/// Finds who is behind an HTTP request (a GraphQL POST or GET, an SSE stream, a WebSocket upgrade) with ASP.NET Core
/// authentication: a bearer token goes to the JwtBearer scheme of the issuer it names, an API key to the API-key
/// scheme. The outcome travels on <see cref="GatewayRequest.Identity"/>; the pipeline's identity stage enforces it.
/// </summary>
internal sealed class GatewayAuthenticator
{
    private const string BearerPrefix = "Bearer ";

    private readonly AuthenticationSettings _settings;
    private readonly Dictionary<string, string> _schemeByIssuer;
    private readonly ILogger _logger;
    private readonly ValidatedTokenCache _tokens;

    public GatewayAuthenticator(IOptions<GatewayOptions> options, ValidatedTokenCache tokens, ILogger<GatewayAuthenticator> logger)
    {
        _tokens = tokens;
        _settings = options.Value.Authentication;
        _schemeByIssuer = _settings.Jwt.ToDictionary(issuer => issuer.Issuer, issuer => JwtSchemeName(issuer.Issuer), StringComparer.Ordinal);
        _logger = logger;
    }

    /// <summary>Whether anything is configured: when not, requests carry no identity.</summary>
    public bool IsEnabled => _settings.IsEnabled;

    /// <summary>Whether requests without credentials are refused.</summary>
    public bool IsRequired => _settings.Required;

    public static string JwtSchemeName(string issuer) => "fgw-jwt:" + issuer;

    /// <summary>The identity behind <paramref name="context"/>'s request; null when authentication is not configured.</summary>
    public async ValueTask<ClientIdentity?> AuthenticateAsync(HttpContext context)
    {
        if (!_settings.IsEnabled)
        {
            return null;
        }

        var headers = context.Request.Headers;
        if (headers.Authorization.Count > 0)
        {
            return await AuthenticateBearerAsync(context, headers.Authorization.Count == 1 ? headers.Authorization[0] : null).ConfigureAwait(false);
        }

        if (_settings.ApiKeys.Keys.Count > 0 && headers.ContainsKey(_settings.ApiKeys.Header))
        {
            return Outcome(await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName).ConfigureAwait(false));
        }

        return ClientIdentity.Anonymous;
    }

    private async ValueTask<ClientIdentity> AuthenticateBearerAsync(HttpContext context, string? authorization)
    {
        if (authorization is null || !authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return ClientIdentity.Refused("the Authorization header must hold one bearer token (Authorization: Bearer <token>)");
        }

        if (_schemeByIssuer.Count == 0)
        {
            return ClientIdentity.Refused("this gateway accepts no bearer tokens");
        }

        var token = authorization.AsSpan(BearerPrefix.Length).Trim().ToString();
        // A token some scheme of ours validated was validated by the scheme of its issuer: no need to read it again.
        if (_tokens.TryGet(token, out var remembered, out _))
        {
            return remembered;
        }

        var issuer = ReadIssuer(token);
        if (issuer is null)
        {
            return ClientIdentity.Refused("the bearer token is not a well-formed signed JWT");
        }

        if (!_schemeByIssuer.TryGetValue(issuer, out var scheme))
        {
            return ClientIdentity.Refused("the token's issuer is not trusted");
        }

        // The scheme remembers the token when it validates it (JwtBearerTokenCacheEvents).
        return Outcome(await context.AuthenticateAsync(scheme).ConfigureAwait(false));
    }

    /// <summary>The <c>iss</c> of a token, read without validation (to choose the issuer to validate against); null when it is not a JWS.</summary>
    private static string? ReadIssuer(string token)
    {
        if (token.Length == 0 || token.Length > TokenValidationParameters.DefaultMaximumTokenSizeInBytes)
        {
            return null;
        }

        try
        {
            var jwt = new JsonWebToken(token);
            return jwt.IsSigned && !string.IsNullOrEmpty(jwt.Issuer) ? jwt.Issuer : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private ClientIdentity Outcome(AuthenticateResult result)
    {
        if (result.Succeeded)
        {
            return ClientIdentity.Authenticated(result.Principal);
        }

        var reason = Describe(result.Failure);
        AuthenticationLog.Refused(_logger, reason, result.Failure);
        return ClientIdentity.Refused(reason);
    }

    /// <summary>What the client is told: the kind of problem, never the token, key or key material.</summary>
    private static string Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidAudienceException => "the token is not meant for this gateway (audience)",
        SecurityTokenInvalidIssuerException => "the token's issuer is not trusted",
        SecurityTokenInvalidAlgorithmException => "the token's signing algorithm is not accepted",
        SecurityTokenSignatureKeyNotFoundException => "the token is signed with an unknown key",
        SecurityTokenInvalidSignatureException => "the token's signature is not valid",
        SecurityTokenNoExpirationException => "the token has no expiry",
        SecurityTokenMalformedException or ArgumentException => "the bearer token is not a well-formed signed JWT",
        SecurityTokenException => "the token is not valid",
        null => "the credentials are not valid",
        _ when failure.Message.StartsWith("the API key", StringComparison.Ordinal) => failure.Message,
        _ => "the credentials could not be checked",
    };
}
