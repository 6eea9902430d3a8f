using System.Net.Http.Headers;
using Duende.IdentityModel.Client;

namespace FederatedGateway.OpenApi.Auth;

/// <summary>
/// OAuth 2.0 client credentials (RFC 6749 §4.4) for a source: a bearer token asked of the token endpoint with
/// Duende.IdentityModel, kept until <see cref="RefreshBefore"/> before it expires, asked again by one call at a time
/// (concurrent calls wait for that one), and dropped when the service answers 401.
/// </summary>
public sealed class ClientCredentialsToken(Uri tokenEndpoint, string clientId, string clientSecret, string? scope, HttpClient http, TimeProvider? time = null) : SourceCredentials
{
    /// <summary>How long before its expiry a token is replaced (calls in flight must not carry an expired one).</summary>
    public static readonly TimeSpan RefreshBefore = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private volatile Token? _current;

    public override async ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = Valid(_current) ?? await RefreshAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
    }

    public override void Reject() => _current = null;

    private Token? Valid(Token? token) => token is not null && token.Expires - RefreshBefore > _time.GetUtcNow() ? token : null;

    private async Task<Token> RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Valid(_current) is { } fresh)
            {
                return fresh;
            }

            TokenResponse response;
            try
            {
                response = await http.RequestClientCredentialsTokenAsync(
                    new ClientCredentialsTokenRequest { Address = tokenEndpoint.ToString(), ClientId = clientId, ClientSecret = clientSecret, Scope = scope },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new SourceAuthenticationException("the token endpoint could not be reached (see the gateway log).", ex);
            }

            if (response.IsError || string.IsNullOrEmpty(response.AccessToken))
            {
                throw new SourceAuthenticationException($"the token endpoint gave no token: {response.Error ?? "no access_token"}{(response.ErrorDescription is { } d ? " (" + d + ")" : "")}.");
            }

            var lifetime = response.ExpiresIn > 0 ? TimeSpan.FromSeconds(response.ExpiresIn) : TimeSpan.FromMinutes(5);
            var token = new Token(response.AccessToken, _time.GetUtcNow() + lifetime);
            _current = token;
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record Token(string Value, DateTimeOffset Expires);
}
