using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;

namespace FederatedGateway.Core.Tests.Planning;

/// <summary>
/// Every <c>Goldens/&lt;graph&gt;/&lt;case&gt;.graphql</c> is planned over <c>Goldens/&lt;graph&gt;/supergraph.graphql</c>; its
/// printed plan is compared with <c>&lt;case&gt;.plan</c> and its JSON form with <c>&lt;case&gt;.plan.json</c>. Set
/// UPDATE_GOLDENS=1 to rewrite them (in the source tree).
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
    public async Task PlanMatchesGoldens(string relative)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Goldens");
        var file = Path.Combine(root, relative);
        var schema = SupergraphReader.Read(File.ReadAllText(Path.Combine(Path.GetDirectoryName(file)!, "supergraph.graphql")));
        var preparer = new OperationPreparer(schema, ApiSchemaFactory.Create(schema, ApiSchemaPrinter.Print(schema)));
        var variablesFile = Path.ChangeExtension(file, ".variables.json");
        using var variables = System.Text.Json.JsonDocument.Parse(File.Exists(variablesFile) ? File.ReadAllText(variablesFile) : "{}");
        var result = await preparer.PrepareAsync(File.ReadAllText(file), null, variables.RootElement, CancellationToken.None);
        Assert.True(result.IsSuccess, string.Join("\n", result.Errors.Select(e => e.Code + ": " + e.Message)));
        var plan = result.Operation!.Plan;
        var printed = QueryPlanPrinter.Print(plan) + "\n";
        var json = System.Text.Encoding.UTF8.GetString(QueryPlanJson.ToUtf8(plan, QueryPlanJson.IndentedOptions)) + "\n";
        PlanSoundness.Check(schema, result.Operation);

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDENS") == "1")
        {
            File.WriteAllText(Path.Combine(SourceGoldens(), Path.ChangeExtension(relative, ".plan")), printed);
            File.WriteAllText(Path.Combine(SourceGoldens(), Path.ChangeExtension(relative, ".plan.json")), json);
            return;
        }

        AssertGolden(Path.ChangeExtension(file, ".plan"), relative, printed);
        AssertGolden(Path.ChangeExtension(file, ".plan.json"), relative, json);

        // The served form is the same JSON, compact.
        using var served = System.Text.Json.JsonDocument.Parse(plan.Json);
        using var golden = System.Text.Json.JsonDocument.Parse(json);
        Assert.True(System.Text.Json.JsonElement.DeepEquals(served.RootElement, golden.RootElement), "The served JSON differs from the golden's.");
    }

    private static void AssertGolden(string goldenPath, string relative, string actual)
    {
        Assert.True(File.Exists(goldenPath), $"No golden {Path.GetFileName(goldenPath)} for {relative}; run with UPDATE_GOLDENS=1 and review it in {SourceGoldens()}.\n{actual}");
        Assert.Equal(File.ReadAllText(goldenPath).ReplaceLineEndings("\n"), actual);
    }

    private static string SourceGoldens([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(path)!)!, "Goldens");
}
