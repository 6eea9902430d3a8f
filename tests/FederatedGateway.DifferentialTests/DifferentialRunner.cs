using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Supergraph;
using FederatedGateway.DifferentialTests.Monolith;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Transport;
using FederatedGateway.Testing.Generation;

namespace FederatedGateway.DifferentialTests;

/// <summary>
/// Runs generated operations through the gateway and through a monolith that reads the same subgraphs
/// directly (field by field, no gateway involved), and compares the answers.
/// </summary>
public sealed class DifferentialRunner : IDisposable
{
    private readonly FederatedGatewayExecutor _gateway;
    private readonly ApiModel _model;
    private readonly int _maxDepth;
    private readonly SubgraphClient _subgraphs;
    private readonly MonolithServer _monolith;

    public DifferentialRunner(string supergraphSdl, IReadOnlyDictionary<string, string> subgraphUrls, SampleArguments samples, int maxDepth)
    {
        // Answers are compared, not policy: the largest generated operations (11-13 KB on the shelf graph) use more
        // aliases than the production default allows, which the monolith does not limit.
        var snapshot = GatewaySnapshot.Build(supergraphSdl, new HttpSubgraphClient(), subgraphUrls, OperationLimits.Default with { MaxAliases = 0 });
        _gateway = new FederatedGatewayExecutor(snapshot);
        _model = new ApiModel(SupergraphReader.Read(supergraphSdl), samples);
        _maxDepth = maxDepth;
        _subgraphs = new SubgraphClient(subgraphUrls);
        _monolith = new MonolithServer(_model, snapshot.ApiSdl, new SubgraphDataSource(_model, _subgraphs));
    }

    /// <summary>
    /// How many operations a graph's generated run compares: <paramref name="ciDefault"/>, or the
    /// <c>FGW_DIFFERENTIAL_OPERATIONS</c> environment variable for the full runs (see the README).
    /// </summary>
    public static int OperationCount(int ciDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable("FGW_DIFFERENTIAL_OPERATIONS"), out var count) && count > 0 ? count : ciDefault;

    /// <summary>How many different requests the monolith sent to the subgraphs so far.</summary>
    public int MonolithSubgraphRequests => _subgraphs.RequestCount;

    public async Task<JsonObject> GatewayAsync(string query, JsonObject variables)
    {
        var vars = JsonDocument.Parse(variables.ToJsonString()).RootElement;
        var result = await _gateway.ExecuteAsync(new GatewayRequest { Query = query, Variables = vars }, CancellationToken.None);
        return JsonNode.Parse(result.Body.Span)!.AsObject();
    }

    /// <summary>The first <paramref name="count"/> operations the generator makes from <paramref name="seed"/>.</summary>
    public IEnumerable<GeneratedOperation> Generate(int seed, int count)
    {
        var generator = new OperationGenerator(_model, seed, _maxDepth);
        for (var i = 0; i < count; i++)
        {
            yield return generator.Next();
        }
    }

    /// <summary>The monolith's answer.</summary>
    public async Task<JsonObject> MonolithAsync(string query, JsonObject variables) =>
        JsonNode.Parse(await _monolith.ExecuteAsync(query, variables))!.AsObject();

    public async Task<(int Count, List<string> Mismatches)> RunAsync(int seed, int count)
    {
        var generator = new OperationGenerator(_model, seed, _maxDepth);
        var mismatches = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var operation = generator.Next();
            if (await CompareAsync(operation.Query, operation.Variables) is { } mismatch)
            {
                mismatches.Add($"#{i} " + mismatch);
            }
        }

        return (count, mismatches);
    }

    /// <summary>Runs one operation on both servers; null when they agree, else a description.</summary>
    public async Task<string?> CompareAsync(string query, JsonObject variables)
    {
        var expected = JsonNode.Parse(await _monolith.ExecuteAsync(query, variables))!.AsObject();
        var actual = await GatewayAsync(query, variables);
        var expectedErrors = expected["errors"] is not null;
        var actualErrors = actual["errors"] is not null;
        // The generator only makes valid operations: a monolith error is a harness bug,
        // never a pass (it would otherwise let two error answers "agree").
        if (!expectedErrors && !actualErrors && JsonEquals(expected["data"], actual["data"]))
            return null;
        return (expectedErrors ? "[monolith answered with errors] " : "") + $"query: {query}\nvariables: {variables.ToJsonString()}\nmonolith: {expected.ToJsonString()}\ngateway:  {actual.ToJsonString()}";
    }

    /// <summary>Deep equality: object key order ignored, list order significant, numbers by value.</summary>
    public static bool JsonEquals(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null) return a is null && b is null;
        switch (a)
        {
            case JsonObject oa when b is JsonObject ob:
                if (oa.Count != ob.Count) return false;
                foreach (var (k, v) in oa)
                    if (!ob.TryGetPropertyValue(k, out var w) || !JsonEquals(v, w)) return false;
                return true;
            case JsonArray aa when b is JsonArray ab:
                if (aa.Count != ab.Count) return false;
                for (var i = 0; i < aa.Count; i++)
                    if (!JsonEquals(aa[i], ab[i])) return false;
                return true;
            case JsonValue va when b is JsonValue vb:
                var ka = va.GetValueKind();
                if (ka != vb.GetValueKind()) return false;
                return ka == JsonValueKind.Number
                    ? va.GetValue<decimal>() == vb.GetValue<decimal>()
                    : va.ToJsonString() == vb.ToJsonString();
            default:
                return false;
        }
    }

    public static string Report(string graph, int count, List<string> mismatches)
    {
        var sb = new StringBuilder($"{graph}: {mismatches.Count} of {count} operations mismatched.\n");
        foreach (var m in mismatches.Take(5)) sb.Append(m).Append("\n\n");
        return sb.ToString();
    }

    public void Dispose() => _subgraphs.Dispose();
}
