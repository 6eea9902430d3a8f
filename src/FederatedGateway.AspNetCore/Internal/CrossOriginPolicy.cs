using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FederatedGateway.AspNetCore.Internal;

/// <summary>
/// CORS for the GraphQL endpoint (<c>Gateway:Cors</c>) through ASP.NET Core's <see cref="ICorsService"/>: the
/// settings become a <see cref="CorsPolicy"/> (rebuilt when the configuration changes), the service evaluates each
/// request with an <c>Origin</c> and writes the response headers. Preflights are answered here: 204 for an allowed
/// origin, 403 for another one.
/// </summary>
internal sealed class CrossOriginPolicy
{
    private readonly ICorsService _cors;
    private readonly IOptionsMonitor<GatewayOptions> _options;
    private (GatewayOptions Source, CorsPolicy Policy)? _current;

    public CrossOriginPolicy(ICorsService cors, IOptionsMonitor<GatewayOptions> options)
    {
        _cors = cors;
        _options = options;
    }

    /// <summary>Adds CORS headers; returns true when the request was a preflight and has been answered.</summary>
    public bool Handle(HttpContext context)
    {
        var options = _options.CurrentValue;
        if (options.Cors.AllowedOrigins.Count == 0 || !context.Request.Headers.ContainsKey(HeaderNames.Origin))
        {
            return false;
        }

        var result = _cors.EvaluatePolicy(context, PolicyFor(options));
        var response = context.Response;
        _cors.ApplyResult(result, response);
        if (!result.VaryByOrigin)
        {
            // Whether the CORS headers are written depends on the Origin, also with one allowed origin: keep shared caches apart.
            response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
        }

        if (!result.IsPreflightRequest)
        {
            return false;
        }

        response.StatusCode = result.IsOriginAllowed ? StatusCodes.Status204NoContent : StatusCodes.Status403Forbidden;
        return true;
    }

    private CorsPolicy PolicyFor(GatewayOptions options)
    {
        var current = _current;
        if (current is { } known && ReferenceEquals(known.Source, options))
        {
            return known.Policy;
        }

        var policy = Build(options);
        _current = (options, policy);
        return policy;
    }

    internal static CorsPolicy Build(GatewayOptions options)
    {
        var cors = options.Cors;
        var builder = new CorsPolicyBuilder()
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders(cors.AllowedHeaders.Concat(options.ForwardedHeaders).Distinct(StringComparer.OrdinalIgnoreCase).ToArray())
            .SetPreflightMaxAge(cors.PreflightMaxAge);
        if (cors.AllowCredentials)
        {
            // "*" never allows an origin together with credentials: only the origins listed by name do.
            builder.WithOrigins(cors.AllowedOrigins.Where(o => o != "*").Select(o => o.TrimEnd('/')).ToArray()).AllowCredentials();
        }
        else
        {
            builder.WithOrigins(cors.AllowedOrigins.Select(o => o == "*" ? o : o.TrimEnd('/')).ToArray());
        }

        return builder.Build();
    }
}
