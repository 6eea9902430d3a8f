using FederatedGateway.Core.Composition;
using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.Grpc.Composition;

namespace FederatedGateway.Cli;

internal sealed partial class CliApp
{
    private async Task<int> ComposeAsync(string? configFile, string? output)
    {
        if (configFile is null)
        {
            return Usage("compose needs --config <supergraph.yaml>", "compose");
        }

        IReadOnlyList<SubgraphSource> sources;
        try
        {
            var config = SupergraphConfigReader.Read(configFile);
            if (config.AsksForFederation1)
            {
                _stderr.WriteLine($"{Paint("note", Yellow)}: federation_version {config.FederationVersion} asks for Federation 1 composition; fgw composes with the Federation 2 rules (Federation 1 subgraphs are read as such).");
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var folder = Path.GetDirectoryName(config.Path)!;
            sources = await new SubgraphSourceLoader(http, GrpcConfigSources.Resolver(folder), FederatedGateway.OpenApi.Sources.OpenApiConfigSources.Resolver(folder, http: http),
                    FederatedGateway.Soap.Sources.SoapConfigSources.Resolver(folder, http: http))
                .LoadAsync(config, CancellationToken.None);
        }
        catch (SupergraphConfigException ex)
        {
            _stderr.WriteLine($"{Paint("error", Red)}: {ex.Message}");
            return 2;
        }

        var result = SupergraphComposer.Compose(sources);
        var files = sources.ToDictionary(s => s.Name, s => s.SourceName, StringComparer.Ordinal);
        foreach (var hint in result.Hints)
        {
            _stderr.WriteLine(Describe("hint", Yellow, hint, files));
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                _stderr.WriteLine(Describe("error", Red, error, files));
            }

            _stderr.WriteLine($"composition failed with {result.Errors.Count} error{(result.Errors.Count == 1 ? "" : "s")}.");
            return 1;
        }

        if (output is not null)
        {
            try
            {
                await File.WriteAllTextAsync(output, result.SupergraphSdl);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _stderr.WriteLine($"{Paint("error", Red)}: cannot write {output}: {ex.Message}");
                return 2;
            }

            _stderr.WriteLine($"composed {sources.Count} subgraphs into {output}");
        }
        else
        {
            _stdout.Write(result.SupergraphSdl);
        }

        return 0;
    }

    private const string Red = "31";
    private const string Yellow = "33";

    /// <summary><c>error[CODE] subgraph element (file:line:col): message</c> (parts that are unknown left out), then the hint indented.</summary>
    private string Describe(string level, string color, CompositionError error, IReadOnlyDictionary<string, string?> files)
    {
        var where = string.IsNullOrEmpty(error.Subgraph) ? "" : $" {error.Subgraph}";
        where += error.Element is null ? "" : $" {error.Element}";
        if (error.Subgraph is not null && files.GetValueOrDefault(error.Subgraph) is { Length: > 0 } file)
        {
            file = Readable(file);
            where += error.Line is null ? $" ({file})" : $" ({file}:{error.Line}:{error.Column})";
        }

        var text = $"{Paint($"{level}[{error.Code}]", color)}{where}: {error.Message.Replace("\n", "\n    ", StringComparison.Ordinal)}";
        return error.Hint is null ? text : $"{text}\n    {Paint("hint", "2")}: {error.Hint}";
    }

    /// <summary>A schema file relative to the working directory when it lies below it; URLs and other paths as they are.</summary>
    private static string Readable(string file)
    {
        if (file.Contains("://", StringComparison.Ordinal) || !Path.IsPathFullyQualified(file))
        {
            return file;
        }

        var relative = Path.GetRelativePath(Environment.CurrentDirectory, file);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathFullyQualified(relative) ? file : relative;
    }

    private string Paint(string text, string code) => _color ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
