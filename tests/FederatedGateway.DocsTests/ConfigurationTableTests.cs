using System.Text.Json;

namespace FederatedGateway.FunctionalTests.Server;

/// <summary>The README's configuration table gives the defaults the server's <c>appsettings.json</c> really sets.</summary>
public sealed class ConfigurationTableTests
{
    [Theory]
    [InlineData("`--urls`", "Urls")]
    [InlineData("`Gateway:MaxConnectionsPerServer`", "Gateway:MaxConnectionsPerServer")]
    [InlineData("`Gateway:SubgraphTimeout`", "Gateway:SubgraphTimeout")]
    [InlineData("`Gateway:PooledConnectionLifetime`", "Gateway:PooledConnectionLifetime")]
    public void The_default_column_names_the_value_of_appsettings(string setting, string key)
    {
        // The configuration table is the first table naming the setting.
        var row = File.ReadLines(Path.Combine(TestPaths.Root(), "README.md")).First(line => line.StartsWith($"| {setting} |", StringComparison.Ordinal));
        var defaultColumn = row.Split('|')[2];

        Assert.Contains($"`{AppSetting(key)}`", defaultColumn);
    }

    private static string AppSetting(string key)
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Root(), "src", "FederatedGateway.Server", "appsettings.json")));
        var element = settings.RootElement;
        foreach (var part in key.Split(':'))
        {
            element = element.GetProperty(part);
        }

        return element.ToString();
    }
}
