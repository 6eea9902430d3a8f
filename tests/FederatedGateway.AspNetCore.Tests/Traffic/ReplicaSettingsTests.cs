using FederatedGateway.AspNetCore.Traffic;
using FederatedGateway.Execution.Transport.Replicas;

namespace FederatedGateway.AspNetCore.Tests.Traffic;

/// <summary><c>Gateway:Replicas</c> settings that cannot work are refused at start with a message naming the setting.</summary>
public sealed class ReplicaSettingsTests
{
    private static ReplicaSettings With(params string[] urls) =>
        new() { Subgraphs = { ["products"] = new SubgraphReplicaSettings { Urls = [.. urls] } } };

    [Fact]
    public void Valid_settings_have_no_problems_and_only_several_urls_are_balanced()
    {
        var settings = With("http://a:4001/graphql", "https://b:4001/graphql");
        settings.Subgraphs["single"] = new SubgraphReplicaSettings { Urls = ["http://c:4001/graphql"] };

        Assert.Empty(settings.Problems());
        Assert.Equal("products", Assert.Single(settings.Balanced(ReplicaSettings.IsHttp)).Key);
        Assert.Empty(settings.Balanced(ReplicaSettings.IsGrpc));
    }

    public static TheoryData<string, string> Broken => new()
    {
        { "mixed-kinds", "Gateway:Replicas:Subgraphs:products:Urls needs" },
        { "relative-url", "Gateway:Replicas:Subgraphs:products:Urls needs" },
        { "no-url", "Gateway:Replicas:Subgraphs:products:Urls needs" },
        { "max-below-first", "Gateway:Replicas needs" },
        { "tiny-interval", "Gateway:Replicas needs" },
        { "own-path-without-slash", "Gateway:Replicas:Subgraphs:products:HealthCheck needs" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Broken_settings_name_their_problem(string broken, string problem)
    {
        var settings = broken switch
        {
            "mixed-kinds" => With("http://a:4001/graphql", "grpc://b:50051"),
            "relative-url" => With("/graphql", "http://b:4001/graphql"),
            "no-url" => With(),
            "max-below-first" => new ReplicaSettings { EjectionTime = TimeSpan.FromSeconds(10), MaxEjectionTime = TimeSpan.FromSeconds(5) },
            "tiny-interval" => new ReplicaSettings { HealthCheck = new ReplicaHealthCheckOptions { Interval = TimeSpan.FromMilliseconds(5) } },
            "own-path-without-slash" => new ReplicaSettings
            {
                Subgraphs = { ["products"] = new SubgraphReplicaSettings { Urls = ["http://a/graphql"], HealthCheck = new ReplicaHealthCheckOptions { Path = "health" } } },
            },
            _ => throw new ArgumentOutOfRangeException(nameof(broken)),
        };

        Assert.Contains(settings.Problems(), p => p.Contains(problem, StringComparison.Ordinal));
        Assert.Empty(settings.Balanced(ReplicaSettings.IsHttp));
    }
}
