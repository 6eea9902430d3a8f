using System.Net;
using System.Text.Json;
using FederatedGateway.Cli.Registry;

namespace FederatedGateway.Cli;

/// <summary>
/// The registry commands for CI: <c>fgw subgraph publish|check|delete</c> and <c>fgw graph history|rollback|fetch</c>.
/// Exit codes: 0 done, 1 refused on its merits (does not compose, a breaking change, a failed check), 2 bad usage,
/// a missing token, a refused token or an unreachable registry.
/// </summary>
internal sealed partial class CliApp
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Where the token comes from; tests give their own.</summary>
    public Func<string?> RegistryToken { get; init; } = () => Environment.GetEnvironmentVariable(RegistryClient.TokenVariable);

    private void MapRegistryCommands(CliCommandLine line)
    {
        line.Publish.SetAction(parse => WithRegistryAsync(parse.GetValue(line.Registry), parse.GetValue(line.Graph), "publish", async client =>
        {
            if (RequireSubgraph(parse.GetValue(line.Name), parse.GetValue(line.Schema), "publish", out var schema) is { } usage)
            {
                return usage;
            }

            if (parse.GetValue(line.RoutingUrl) is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                return Usage("publish needs --routing-url <url> (where the gateway sends the subgraph's fetches)", "publish");
            }

            var answer = await client.PublishAsync(parse.GetValue(line.Name)!, url, schema!, parse.GetValue(line.Commit), parse.GetValue(line.Message));
            return Written(answer, parse.GetValue(line.Format), "published");
        }));
        line.Check.SetAction(parse => WithRegistryAsync(parse.GetValue(line.Registry), parse.GetValue(line.Graph), "check", async client =>
        {
            if (RequireSubgraph(parse.GetValue(line.Name), parse.GetValue(line.Schema), "check", out var schema) is { } usage)
            {
                return usage;
            }

            var answer = await client.CheckAsync(parse.GetValue(line.Name)!, schema!, parse.GetValue(line.RoutingUrl), parse.GetValue(line.Commit));
            return answer.Status == HttpStatusCode.OK ? CheckResult(answer, parse.GetValue(line.Format)) : Refused(answer);
        }));
        line.Delete.SetAction(parse => WithRegistryAsync(parse.GetValue(line.Registry), parse.GetValue(line.Graph), "delete", async client =>
            parse.GetValue(line.Name) is not { } name
                ? Usage("delete needs --name <subgraph>", "delete")
                : Written(await client.DeleteAsync(name), parse.GetValue(line.Format), "deleted")));
        line.History.SetAction(parse => WithRegistryAsync(parse.GetValue(line.Registry), parse.GetValue(line.Graph), "history", async client =>
        {
            var answer = await client.HistoryAsync(Math.Clamp(parse.GetValue(line.Limit), 1, 1000));
            if (answer.Status != HttpStatusCode.OK)
            {
                return Refused(answer);
            }

            if (parse.GetValue(line.Format) == "json")
            {
                _stdout.WriteLine(JsonSerializer.Serialize(answer.Json, Indented));
                return 0;
            }

            foreach (var version in answer.Json.EnumerateArray())
            {
                _stdout.WriteLine($"{version.GetProperty("version").GetInt32(),5}  {version.GetProperty("createdAt").GetDateTimeOffset():u}  {version.GetProperty("hash").GetString()![..12]}  {version.GetProperty("author").GetString()}  {version.GetProperty("action").GetString()}"
                    + (version.GetProperty("commit").GetString() is { } commit ? $"  {commit}" : "")
                    + (version.GetProperty("message").GetString() is { } message ? $"  \"{message}\"" : ""));
            }

            return 0;
        }));
        line.Rollback.SetAction(parse => WithRegistryAsync(parse.GetValue(line.Registry), parse.GetValue(line.Graph), "rollback", async client =>
            parse.GetValue(line.To) is var to && to < 1
                ? Usage("rollback needs --to <version> (see fgw graph history)", "rollback")
                : Written(await client.RollbackAsync(to, parse.GetValue(line.Message)), parse.GetValue(line.Format), "rolled back")));
        line.Fetch.SetAction(parse => WithRegistryAsync(parse.GetValue(line.Registry), parse.GetValue(line.Graph), "fetch", async client =>
        {
            var version = parse.GetValue(line.Version);
            var answer = version is { } number ? await client.VersionAsync(number) : await client.SupergraphAsync();
            if (answer.Status != HttpStatusCode.OK)
            {
                return Refused(answer);
            }

            var sdl = version is null ? answer.Text : answer.Json.GetProperty("supergraph").GetString()!;
            if (parse.GetValue(line.Output) is { } output)
            {
                await File.WriteAllTextAsync(output, sdl);
            }
            else
            {
                _stdout.Write(sdl);
            }

            return 0;
        }));
    }

    private void MapDocumentCommands(CliCommandLine line) =>
        line.DocumentsPublish.SetAction(parse => WithRegistryAsync(parse.GetValue(line.Registry), parse.GetValue(line.Graph), "documents publish", async client =>
        {
            if (parse.GetValue(line.Manifest) is not { } file)
            {
                return Usage("documents publish needs --manifest <file> (a persisted query list)", "documents publish");
            }

            if (!TryRead(file, "manifest", out var manifest))
            {
                return 2;
            }

            var answer = await client.AddDocumentsAsync(manifest, parse.GetValue(line.Commit), parse.GetValue(line.Message));
            WriteJsonAnswer(answer, parse.GetValue(line.Format));

            switch (answer.Status)
            {
                case HttpStatusCode.OK:
                    _stderr.WriteLine($"registered: {answer.Json.GetProperty("documents").GetInt32()} documents, {answer.Json.GetProperty("added").GetInt32()} new");
                    return 0;
                case HttpStatusCode.UnprocessableEntity:
                    _stderr.WriteLine($"error: {answer.Json.GetProperty("reason").GetString()}");
                    foreach (var problem in answer.Json.GetProperty("problems").EnumerateArray())
                    {
                        _stderr.WriteLine($"error[{DocumentName(problem)}]: {problem.GetProperty("message").GetString()}");
                    }

                    return 1;
                default:
                    return Refused(answer);
            }
        }));

    private static string DocumentName(JsonElement problem) =>
        problem.GetProperty("name").GetString() is { } name ? $"{name} {problem.GetProperty("id").GetString()}" : problem.GetProperty("id").GetString()!;

    private async Task<int> WithRegistryAsync(string? registry, string? graph, string command, Func<RegistryClient, Task<int>> action)
    {
        using var client = RegistryClient.Create(registry, graph, RegistryToken(), out var problem);
        if (client is null)
        {
            return Usage(problem!, command);
        }

        try
        {
            return await action(client);
        }
        catch (RegistryUnreachableException ex)
        {
            _stderr.WriteLine("error: " + ex.Message);
            return 2;
        }
    }

    private int? RequireSubgraph(string? name, string? schemaFile, string command, out string? schema)
    {
        schema = null;
        if (name is null || schemaFile is null)
        {
            return Usage($"{command} needs --name <subgraph> and --schema <file>", command);
        }

        if (!TryRead(schemaFile, "schema", out var text))
        {
            return 2;
        }

        schema = text;
        return null;
    }

    /// <summary>A publish, delete or rollback: 0 when a version was made or nothing changed, 1 when it would not compose, 2 otherwise.</summary>
    private int Written(RegistryAnswer answer, string? format, string verb)
    {
        WriteJsonAnswer(answer, format);
        switch (answer.Status)
        {
            case HttpStatusCode.Created:
                _stderr.WriteLine($"{verb}: version {answer.Json.GetProperty("version").GetInt32()} ({answer.Json.GetProperty("hash").GetString()![..12]})");
                return 0;
            case HttpStatusCode.OK:
                _stderr.WriteLine($"unchanged: version {answer.Json.GetProperty("version").GetInt32()} stays current");
                return 0;
            case HttpStatusCode.UnprocessableEntity:
                _stderr.WriteLine($"error: {answer.Message}; nothing changed");
                foreach (var error in answer.Json.GetProperty("errors").EnumerateArray())
                {
                    _stderr.WriteLine($"error[{error.GetProperty("code").GetString()}]: {error.GetProperty("message").GetString()}");
                }

                return 1;
            default:
                return Refused(answer);
        }
    }

    /// <summary>With <c>--format json</c>, the registry's answer as it came (indented) on stdout.</summary>
    private void WriteJsonAnswer(RegistryAnswer answer, string? format)
    {
        if (format == "json" && answer.Json.ValueKind == JsonValueKind.Object)
        {
            _stdout.WriteLine(JsonSerializer.Serialize(answer.Json, Indented));
        }
    }

    private int CheckResult(RegistryAnswer answer, string? format)
    {
        var json = answer.Json;
        if (format == "json")
        {
            _stdout.WriteLine(JsonSerializer.Serialize(json, Indented));
        }
        else
        {
            foreach (var error in json.GetProperty("errors").EnumerateArray())
            {
                _stdout.WriteLine($"error[{error.GetProperty("code").GetString()}]: {error.GetProperty("message").GetString()}");
            }

            var days = json.GetProperty("usageWindowDays").GetDouble();
            foreach (var change in json.GetProperty("changes").EnumerateArray())
            {
                _stdout.WriteLine($"{change.GetProperty("criticality").GetString(),-9} {change.GetProperty("coordinate").GetString()}  {change.GetProperty("message").GetString()}{Usage(change, days)}");
            }

            foreach (var document in json.GetProperty("brokenDocuments").EnumerateArray())
            {
                _stdout.WriteLine($"document  {DocumentName(document)}  would no longer run: {document.GetProperty("message").GetString()}");
            }
        }

        var passed = json.GetProperty("passed").GetBoolean();
        _stderr.WriteLine(passed ? "check passed"
            : !json.GetProperty("composes").GetBoolean() ? "check failed: the variant would not compose"
            : json.GetProperty("changes").EnumerateArray().Any(c => c.GetProperty("blocking").GetBoolean()) ? "check failed: breaking changes used by clients"
            : "check failed: trusted documents would no longer run");
        _stderr.WriteLine("details: " + json.GetProperty("link").GetString());
        return passed ? 0 : 1;
    }

    /// <summary>What usage data says about a breaking change: the clients that used it, or that none did.</summary>
    private static string Usage(JsonElement change, double days)
    {
        if (!change.TryGetProperty("clients", out var clients) || clients.ValueKind != JsonValueKind.Array)
        {
            return "";
        }

        if (clients.GetArrayLength() == 0)
        {
            return $" (no client used it in {days:0} days: not blocking)";
        }

        var names = clients.EnumerateArray().Select(c =>
            $"{(c.GetProperty("name").GetString() is { Length: > 0 } n ? n : "(unnamed)")}{(c.GetProperty("version").GetString() is { Length: > 0 } v ? " " + v : "")}: {c.GetProperty("requests").GetInt64()} requests");
        return $" (used by {string.Join(", ", names)} in {days:0} days)";
    }

    /// <summary>401, 403, 404, 409 and anything unexpected: a usage-or-access problem for CI (exit 2), with the registry's reason.</summary>
    private int Refused(RegistryAnswer answer)
    {
        _stderr.WriteLine($"error: the registry refused ({answer.Code}): {answer.Message}");
        return 2;
    }
}
