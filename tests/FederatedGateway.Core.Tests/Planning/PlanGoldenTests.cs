using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;

namespace FederatedGateway.Core.Tests.Planning;

/// <summary>
/// Every <c>Goldens/&lt;graph&gt;/&lt;case&gt;.graphql</c> is planned over <c>Goldens/&lt;graph&gt;/supergraph.graphql</c> and its
/// printed plan compared with <c>&lt;case&gt;.plan</c>. Set UPDATE_GOLDENS=1 to rewrite them (in the source tree).
/// </summary>
public sealed class PlanGoldenTests
{
    public static IEnumerable<object[]> Cases()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Goldens");
        foreach (var file in Directory.EnumerateFiles(root, "*.graphql", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            if (Path.GetFileName(file) != "supergraph.graphql")
            {
                yield return new object[] { Path.GetRelativePath(root, file) };
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PrintedPlanMatchesGolden(string relative)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Goldens");
        var file = Path.Combine(root, relative);
        var schema = SupergraphReader.Read(File.ReadAllText(Path.Combine(Path.GetDirectoryName(file)!, "supergraph.graphql")));
        var preparer = new OperationPreparer(schema, ApiSchemaFactory.Create(schema, ApiSchemaPrinter.Print(schema)));
        var variablesFile = Path.ChangeExtension(file, ".variables.json");
        using var variables = System.Text.Json.JsonDocument.Parse(File.Exists(variablesFile) ? File.ReadAllText(variablesFile) : "{}");
        var result = await preparer.PrepareAsync(File.ReadAllText(file), null, variables.RootElement, CancellationToken.None);
        Assert.True(result.IsSuccess, string.Join("\n", result.Errors.Select(e => e.Code + ": " + e.Message)));
        var printed = QueryPlanPrinter.Print(result.Operation!.Plan) + "\n";
        PlanSoundness.Check(schema, result.Operation);

        var goldenPath = Path.ChangeExtension(file, ".plan");
        var sourceGolden = Path.Combine(SourceGoldens(), Path.ChangeExtension(relative, ".plan"));
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDENS") == "1")
        {
            File.WriteAllText(sourceGolden, printed);
            return;
        }

        Assert.True(File.Exists(goldenPath), $"No golden for {relative}; run with UPDATE_GOLDENS=1 and review {sourceGolden}.\n{printed}");
        Assert.Equal(File.ReadAllText(goldenPath).ReplaceLineEndings("\n"), printed);
    }

    private static string SourceGoldens([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(path)!)!, "Goldens");
}
