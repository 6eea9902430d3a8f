namespace FederatedGateway.OpenApi.Auth;

/// <summary>How calls of a REST or SOAP source authenticate beyond static headers (which basic auth and API keys are).</summary>
public abstract class SourceCredentials
{
    /// <summary>Adds the credentials to a call.</summary>
    /// <exception cref="SourceAuthenticationException">They cannot be had (the token endpoint refuses or is out of reach).</exception>
    public abstract ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>The service answered 401 to credentials given: they are not given again.</summary>
    public virtual void Reject()
    {
    }
}

/// <summary>A source's credentials cannot be had; the field's error has code <see cref="Code"/>.</summary>
public sealed class SourceAuthenticationException(string message, Exception? inner = null) : Exception(message, inner)
{
    public const string Code = "SOURCE_AUTHENTICATION_FAILED";
}
