using Xunit.Abstractions;

namespace FederatedGateway.FunctionalTests.Hostile;

/// <summary>
/// Every case of <see cref="HostileCases"/> against one standalone gateway process in Production: the status and
/// error code docs/operations.md "Limits and production defaults" documents, and bounded server CPU, wall time, response size and server RSS; after each
/// case the server must still answer a normal query. Run alone with
/// <c>dotnet test tests/FederatedGateway.FunctionalTests -c Release --filter FullyQualifiedName~Hostile</c>.
/// </summary>
public sealed class HostileInputTests(HostileServerFixture server, ITestOutputHelper output) : IClassFixture<HostileServerFixture>
{
    public static TheoryData<string> Cases => HostileCases.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case(string name)
    {
        var hostileCase = HostileCases.ByName(name);
        var measurement = await server.RunAsync(hostileCase);
        output.WriteLine(measurement.Summary);
        foreach (var response in measurement.Responses.Take(3))
        {
            output.WriteLine("  " + response);
        }

        var failures = await measurement.FailuresAsync(server);
        Assert.True(failures.Count == 0, $"{name}: {hostileCase.Reason}\n- {string.Join("\n- ", failures)}\n{measurement.Summary}");
    }

    [Fact]
    public void TheTableHasAtLeastSixtyCasesEachWithAReason()
    {
        Assert.True(HostileCases.All.Count >= 60, $"{HostileCases.All.Count} cases");
        Assert.All(HostileCases.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Reason), c.Name));
        Assert.All(HostileCases.All, c => Assert.NotEmpty(c.Outcomes));
    }
}
