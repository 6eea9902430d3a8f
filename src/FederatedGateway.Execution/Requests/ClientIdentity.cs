using System.Security.Claims;

namespace FederatedGateway.Execution.Requests;

/// <summary>
/// Who the host found behind a request: an authenticated user, nobody (no credentials sent), or a failure
/// (credentials sent and refused, with a reason fit for the client: never the token or key itself).
/// </summary>
public sealed class ClientIdentity
{
    private ClientIdentity(ClaimsPrincipal? user, string? failure)
    {
        User = user;
        Failure = failure;
    }

    /// <summary>No credentials were sent.</summary>
    public static ClientIdentity Anonymous { get; } = new(null, null);

    /// <summary>The user the credentials proved.</summary>
    public ClaimsPrincipal? User { get; }

    /// <summary>Why the credentials sent were refused; null when none were refused.</summary>
    public string? Failure { get; }

    public bool IsAuthenticated => User is not null;

    public static ClientIdentity Authenticated(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new ClientIdentity(user, null);
    }

    public static ClientIdentity Refused(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new ClientIdentity(null, reason);
    }
}
