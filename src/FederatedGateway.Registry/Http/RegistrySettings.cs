namespace FederatedGateway.Registry.Http;

/// <summary>The registry's configuration (section <c>Registry</c>).</summary>
public sealed class RegistrySettings
{
    public const string SectionName = "Registry";

    /// <summary><c>Sqlite</c> (default) or <c>PostgreSql</c>.</summary>
    public string Store { get; set; } = "Sqlite";

    /// <summary>The SQLite file. Default <c>data/registry.db</c> under the working directory.</summary>
    public string SqlitePath { get; set; } = System.IO.Path.Combine("data", "registry.db");

    /// <summary>An Npgsql connection string when <see cref="Store"/> is <c>PostgreSql</c>.</summary>
    public string? PostgreSql { get; set; }

    /// <summary>Where the HTTP API is served. Default <c>/registry/v1</c>.</summary>
    public string Path { get; set; } = "/registry/v1";

    /// <summary>Where the registry's page is served. Default <c>/registry</c>.</summary>
    public string PagePath { get; set; } = "/registry";

    /// <summary>Access tokens, stored as SHA-256 hashes, with their scopes.</summary>
    public List<RegistryTokenSettings> Tokens { get; set; } = [];

    /// <summary>The gateways' usage data, for checks: a breaking change no client used within the window does not fail.</summary>
    public RegistryUsageSettings Usage { get; set; } = new();

    /// <summary>
    /// The most trusted documents a variant keeps (every check prepares each one against the proposed schema, so this
    /// bounds a check's work). Default 10,000.
    /// </summary>
    public int MaxDocuments { get; set; } = 10_000;

    /// <summary>The largest request body accepted (a subgraph schema). Default 5 MB.</summary>
    public long MaxBodyBytes { get; set; } = 5 * 1024 * 1024;

    internal IEnumerable<string> Problems()
    {
        if (Store is not ("Sqlite" or "PostgreSql"))
        {
            yield return $"Registry:Store '{Store}' is not Sqlite or PostgreSql.";
        }

        if (Store == "PostgreSql" && string.IsNullOrWhiteSpace(PostgreSql))
        {
            yield return "Registry:PostgreSql (a connection string) is required for the PostgreSql store.";
        }

        if (Usage.Store is not ("None" or "Sqlite" or "PostgreSql"))
        {
            yield return $"Registry:Usage:Store '{Usage.Store}' is not None, Sqlite or PostgreSql.";
        }

        if ((Usage.Store == "Sqlite" && string.IsNullOrWhiteSpace(Usage.SqlitePath)) || (Usage.Store == "PostgreSql" && string.IsNullOrWhiteSpace(Usage.PostgreSql)) || Usage.Window <= TimeSpan.Zero)
        {
            yield return "Registry:Usage needs SqlitePath (Sqlite) or PostgreSql (PostgreSql) and a positive Window.";
        }

        if (MaxDocuments < 1)
        {
            yield return "Registry:MaxDocuments must be at least 1.";
        }

        for (var i = 0; i < Tokens.Count; i++)
        {
            var token = Tokens[i];
            if (string.IsNullOrWhiteSpace(token.Name) || token.Sha256.Length != 64 || !token.Sha256.All(Uri.IsHexDigit))
            {
                yield return $"Registry:Tokens:{i} needs a Name and a Sha256 of 64 hex digits (sha256sum of the token).";
            }

            foreach (var scope in token.Scopes.Where(s => RegistryScope.Parse(s) is null))
            {
                yield return $"Registry:Tokens:{i}:Scopes '{scope}' is not admin, read:<graph@variant|graph@*|*> or publish:<...>.";
            }
        }
    }
}

/// <summary>One access token: a name (who, in the audit log), the SHA-256 of its secret, and what it may do.</summary>
public sealed class RegistryTokenSettings
{
    public string Name { get; set; } = "";

    public string Sha256 { get; set; } = "";

    public List<string> Scopes { get; set; } = [];
}

/// <summary>Where the gateways keep usage analytics (their <c>Gateway:Usage</c> store) and how far back checks look.</summary>
public sealed class RegistryUsageSettings
{
    /// <summary><c>None</c> (default: every breaking change fails a check), <c>Sqlite</c> or <c>PostgreSql</c>.</summary>
    public string Store { get; set; } = "None";

    public string? SqlitePath { get; set; }

    public string? PostgreSql { get; set; }

    /// <summary>How far back usage counts. Default 30 days.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(30);
}
