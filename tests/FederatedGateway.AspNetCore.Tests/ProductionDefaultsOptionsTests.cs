using FederatedGateway.AspNetCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FederatedGateway.AspNetCore.Tests;

/// <summary><c>Gateway:Introspection</c> and <c>Gateway:SubgraphErrors</c>: how they bind, and what unset means in each environment.</summary>
public sealed class ProductionDefaultsOptionsTests
{
    [Fact]
    public void Introspection_and_subgraph_error_settings_bind_from_the_gateway_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:Introspection"] = "false",
            ["Gateway:SubgraphErrors:Expose"] = "true",
            ["Gateway:SubgraphErrors:AllowedExtensions:0"] = "retryAfter",
            ["Gateway:SubgraphErrors:AllowedExtensions:1"] = "classification",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddFederatedGateway(configuration).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<GatewayOptions>>().Value;
        Assert.False(options.Introspection);
        Assert.True(options.SubgraphErrors.Expose);
        Assert.Equal(["retryAfter", "classification"], options.SubgraphErrors.AllowedExtensions);
    }

    [Theory]
    [InlineData(false, null, null, false)]
    [InlineData(true, null, null, true)]
    [InlineData(false, null, true, true)]
    [InlineData(true, null, false, true)]
    [InlineData(false, true, null, true)]
    [InlineData(true, false, null, false)]
    [InlineData(false, false, true, false)]
    public void Unset_introspection_is_on_in_Development_and_with_the_IDE(bool isDevelopment, bool? introspection, bool? ide, bool enabled)
    {
        var options = new GatewayOptions { Introspection = introspection, Ide = new IdeSettings { Enabled = ide } };

        Assert.Equal(enabled, options.IsIntrospectionEnabled(isDevelopment));
    }

    [Theory]
    [InlineData(false, null, false)]
    [InlineData(true, null, true)]
    [InlineData(false, true, true)]
    [InlineData(true, false, false)]
    public void Unset_expose_means_Development_only(bool isDevelopment, bool? expose, bool exposed)
    {
        var settings = new SubgraphErrorSettings { Expose = expose, AllowedExtensions = ["retryAfter"] };

        var policy = settings.ToPolicy(isDevelopment, NullLogger.Instance);

        Assert.Equal(exposed, policy.Expose);
        Assert.Equal(["retryAfter"], policy.AllowedExtensions);
    }

    [Fact]
    public void By_default_nothing_is_forwarded_or_allowed()
    {
        var options = new GatewayOptions();

        Assert.Null(options.Introspection);
        Assert.Null(options.SubgraphErrors.Expose);
        Assert.Empty(options.SubgraphErrors.AllowedExtensions);
        Assert.Empty(options.ForwardedHeaders);
    }
}
