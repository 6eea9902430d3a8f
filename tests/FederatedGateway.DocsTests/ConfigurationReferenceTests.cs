namespace FederatedGateway.DocsTests;

/// <summary>docs/configuration.md is what <see cref="ConfigurationReference"/> writes from the options classes now.</summary>
public sealed class ConfigurationReferenceTests
{
    [Fact]
    public void The_committed_reference_matches_the_options_classes()
    {
        var generated = ConfigurationReference.Generate();
        var path = Path.Combine(Repo.Root, ConfigurationReference.RelativePath);
        if (Environment.GetEnvironmentVariable("FGW_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, generated);
        }

        var committed = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : "";
        Assert.True(committed == generated, $"{ConfigurationReference.RelativePath} is stale: run {ConfigurationReference.UpdateCommand}\n" + FirstDifference(committed, generated));
    }

    [Fact]
    public void Nested_settings_lists_and_maps_have_rows_with_defaults_and_summaries()
    {
        var rows = ConfigurationReference.Generate().Split('\n');

        Assert.Contains(rows, r => r.StartsWith("| `Gateway:Limits:MaxDepth` | `32` | integer | ", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("| `Gateway:SubgraphTimeout` | `00:00:30` | duration | Time allowed for one subgraph request.", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("| `Gateway:Authentication:Jwt:<n>:Issuer` |", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("| `Gateway:Replicas:Subgraphs:<name>:Urls` |", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_gateway_setting_has_a_description()
    {
        var undescribed = ConfigurationReference.Generate().Split('\n')
            .Where(r => r.StartsWith("| `Gateway:", StringComparison.Ordinal) && r.TrimEnd().EndsWith("|  |", StringComparison.Ordinal))
            .Select(r => r.Split('|')[1].Trim());

        Assert.True(!undescribed.Any(), "settings without an XML <summary> (it is their description in docs/configuration.md): " + string.Join(", ", undescribed));
    }

    private static string FirstDifference(string committed, string generated)
    {
        var a = committed.Split('\n');
        var b = generated.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "(end of file)";
            var right = i < b.Length ? b[i] : "(end of file)";
            if (left != right)
            {
                return $"first difference at line {i + 1}:\n  committed: {left}\n  generated: {right}";
            }
        }

        return "";
    }
}
