using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace FederatedGateway.AspNetCore.Authentication;

/// <summary>Registers ASP.NET Core authentication for <c>Gateway:Authentication</c>: one JwtBearer scheme per issuer and the API-key scheme.</summary>
internal static class GatewayAuthenticationServiceCollectionExtensions
{
    public static void AddGatewayAuthentication(this IServiceCollection services, AuthenticationSettings settings)
    {
        services.AddSingleton(_ => new ValidatedTokenCache(settings));
        services.AddSingleton<GatewayAuthenticator>();
        if (!settings.IsEnabled || settings.Problems().Any())
        {
            // Nothing to register; invalid settings are reported by options validation at start.
            return;
        }

        var builder = services.AddAuthentication();
        foreach (var issuer in settings.Jwt)
        {
            var scheme = GatewayAuthenticator.JwtSchemeName(issuer.Issuer);
            builder.AddJwtBearer(scheme, options => Configure(options, issuer));
            services.AddOptions<JwtBearerOptions>(scheme).Configure<ValidatedTokenCache>(JwtBearerTokenCacheEvents.Attach);
        }

        if (settings.ApiKeys.Keys.Count > 0)
        {
            builder.AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName, options => options.Settings = settings.ApiKeys);
        }
    }

    private static void Configure(JwtBearerOptions options, JwtIssuerSettings issuer)
    {
        options.MapInboundClaims = false;
        options.RefreshOnIssuerKeyNotFound = true;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = issuer.Issuer,
            ValidateAudience = issuer.Audiences.Count > 0,
            ValidAudiences = issuer.Audiences,
            ClockSkew = issuer.ClockSkew,
            ValidAlgorithms = issuer.Algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            NameClaimType = "sub",
        };

        IDocumentRetriever documents = issuer.JwksFile is { Length: > 0 }
            ? new FileDocumentRetriever()
            : new HttpDocumentRetriever { RequireHttps = issuer.RequireHttpsJwks };
        options.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
            issuer.JwksFile is { Length: > 0 } file ? Path.GetFullPath(file) : issuer.JwksUrl!,
            new JwksConfigurationRetriever(issuer.Issuer),
            documents)
        {
            AutomaticRefreshInterval = issuer.JwksRefreshInterval,
            RefreshInterval = issuer.JwksMinimumRefreshInterval,
        };
    }
}
