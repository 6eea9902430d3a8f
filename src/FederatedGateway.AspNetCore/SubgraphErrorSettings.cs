using FederatedGateway.Execution.Execution;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore;

/// <summary>
/// What clients see of the errors subgraphs answer (configuration <c>Gateway:SubgraphErrors</c>). Masked, each
/// error's message becomes "Subgraph errors are hidden; see the gateway log." and its extensions only <c>code</c>
/// (the subgraph's own string code, else <c>SUBGRAPH_ERROR</c>), <c>serviceName</c> and the keys in
/// <see cref="AllowedExtensions"/>; the whole error is logged (Warning). Paths are kept either way.
/// </summary>
public sealed class SubgraphErrorSettings
{
    /// <summary>Pass subgraph errors through as they came. Null (the default) means: in the Development environment only.</summary>
    public bool? Expose { get; set; }

    /// <summary>Top-level extension keys a masked error keeps (e.g. <c>["retryAfter"]</c>), matched exactly. Default none.</summary>
    public List<string> AllowedExtensions { get; set; } = [];

    /// <summary>The executor's policy these settings imply; <paramref name="logger"/> gets what clients do not.</summary>
    public SubgraphErrorPolicy ToPolicy(bool isDevelopment, ILogger logger) =>
        new(Expose ?? isDevelopment, AllowedExtensions, logger);
}
