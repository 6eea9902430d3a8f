using System.Text.Json;

namespace FederatedGateway.DocsTests;

/// <summary>The configuration reference gives the defaults the server's <c>appsettings.json</c> really sets.</summary>
public sealed class ConfigurationTableTests
{
    [Theory]
    [InlineData("`--urls`", "Urls")]
    [InlineData("`Gateway:MaxConnectionsPerServer`", "Gateway:MaxConnectionsPerServer")]
    [InlineData("`Gateway:SubgraphTimeout`", "Gateway:SubgraphTimeout")]
    [InlineData("`Gateway:PooledConnectionLifetime`", "Gateway:PooledConnectionLifetime")]
    public void The_default_column_names_the_value_of_appsettings(string setting, string key)
    {
        // The reference's first row naming the setting.
        var row = File.ReadLines(Path.Combine(Repo.Root, "docs", "configuration.md")).First(line => line.StartsWith($"| {setting} |", StringComparison.Ordinal));
        var defaultColumn = row.Split('|')[2];

        Assert.Contains($"`{AppSetting(key)}`", defaultColumn);
    }

    private static string AppSetting(string key)
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "src", "FederatedGateway.Server", "appsettings.json")));
        var element = settings.RootElement;
        foreach (var part in key.Split(':'))
        {
            element = element.GetProperty(part);
        }

        return element.ToString();
    }
}
