using System.Text.Json;
using FederatedGateway.Core.Composition;
using FederatedGateway.Testing.Composition;

// Composes every suite of a running federation gateway audit server with our composer and compares the result with
// the audit's own (Apollo) supergraph, ignoring order. Writes ours to --out for gateway runs.
//   dotnet run -c Release --project tools/FederatedGateway.CompositionParity -- --audit-url http://127.0.0.1:4200 [--out DIR] [suite...]
var auditUrl = "http://127.0.0.1:4200";
string? outDirectory = null;
var only = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--audit-url" when i + 1 < args.Length: auditUrl = args[++i].TrimEnd('/'); break;
        case "--out" when i + 1 < args.Length: outDirectory = args[++i]; break;
        case "--help" or "-h":
            Console.WriteLine("usage: CompositionParity [--audit-url URL] [--out DIR] [suite...]");
            return 0;
        default: only.Add(args[i]); break;
    }
}

using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
List<string> suites;
try
{
    suites = JsonSerializer.Deserialize<List<string>>(await http.GetStringAsync(auditUrl + "/ids"))!;
}
catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
{
    Console.Error.WriteLine($"error: cannot list the suites at {auditUrl}/ids: {ex.Message}");
    return 2;
}

if (outDirectory is not null)
{
    Directory.CreateDirectory(outDirectory);
}

int composed = 0, equal = 0, total = 0;
Console.WriteLine($"{"suite",-40} {"composed",-9} {"equal",-6} first difference");
foreach (var suite in suites.Where(s => only.Count == 0 || only.Contains(s)))
{
    total++;
    using var subgraphsJson = JsonDocument.Parse(await http.GetStringAsync($"{auditUrl}/{suite}/subgraphs"));
    var sources = subgraphsJson.RootElement.EnumerateArray()
        .Select(s => new SubgraphSource(s.GetProperty("name").GetString()!, s.GetProperty("url").GetString()!, s.GetProperty("sdl").GetString()!))
        .ToList();
    var apollo = await http.GetStringAsync($"{auditUrl}/{suite}/supergraph");
    var result = SupergraphComposer.Compose(sources);
    if (!result.Succeeded)
    {
        Console.WriteLine($"{suite,-40} {"no",-9} {"-",-6} {result.Errors[0].Code}: {result.Errors[0].Message.Split('\n')[0]}");
        continue;
    }

    composed++;
    if (outDirectory is not null)
    {
        await File.WriteAllTextAsync(Path.Combine(outDirectory, suite + ".graphql"), result.SupergraphSdl);
    }

    var difference = SupergraphNormalizer.FirstDifference(apollo, result.SupergraphSdl!);
    equal += difference is null ? 1 : 0;
    Console.WriteLine($"{suite,-40} {"yes",-9} {(difference is null ? "yes" : "no"),-6} {difference}");
}

Console.WriteLine($"TOTAL: {total} suites, {composed} composed, {equal} equal to Apollo's supergraph up to order");
return composed == total && equal == total ? 0 : 1;
