namespace FederatedGateway.AspNetCore.Authentication;

/// <summary>API keys: the header that carries them and the keys, stored as SHA-256 hashes only.</summary>
public sealed class ApiKeySettings
{
    /// <summary>The request header that carries the key. Default <c>X-Api-Key</c>.</summary>
    public string Header { get; set; } = "X-Api-Key";

    /// <summary>The accepted keys, stored as SHA-256 hashes and compared in constant time.</summary>
    public List<ApiKeyEntry> Keys { get; set; } = [];

    internal IEnumerable<string> Problems()
    {
        if (Keys.Count > 0 && string.IsNullOrWhiteSpace(Header))
        {
            yield return "Gateway:Authentication:ApiKeys:Header is required.";
        }

        for (var i = 0; i < Keys.Count; i++)
        {
            var key = Keys[i];
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                yield return $"Gateway:Authentication:ApiKeys:Keys:{i}:Name is required.";
            }

            if (key.Sha256 is not { Length: 64 } hash || !hash.All(Uri.IsHexDigit))
            {
                yield return $"Gateway:Authentication:ApiKeys:Keys:{i}:Sha256 must be the key's SHA-256 hash as 64 hex digits (never the key itself).";
            }
        }
    }
}

/// <summary>One API key: who it stands for, the hash of the key, and the scopes it grants.</summary>
public sealed class ApiKeyEntry
{
    /// <summary>The client the key stands for (the identity's <c>sub</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary>The SHA-256 hash of the key, as hex (e.g. <c>printf %s "$KEY" | sha256sum</c>).</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>The scopes the key grants (the identity's <c>scope</c> claim).</summary>
    public List<string> Scopes { get; set; } = [];
}
