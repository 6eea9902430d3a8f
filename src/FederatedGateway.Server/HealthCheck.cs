using System.Net.Security;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace FederatedGateway.Server;

/// <summary>
/// <c>FederatedGateway.Server --check-health [url]</c>: asks a running gateway's <c>GET /health/ready</c> and exits 0 when
/// it answers 200, 1 otherwise (not listening, not ready, no answer in time, or a URL that cannot be used), with one
/// line saying which. Container health checks (Docker's <c>HEALTHCHECK</c>) run it next to the gateway, in an image
/// that has no curl. It starts no gateway and loads no supergraph. Without a URL it asks the address the gateway would
/// listen on, read from the same settings in the same order as the gateway reads them (appsettings.json,
/// environment, the other command-line arguments such as <c>--urls</c>), with a wildcard host (<c>+</c>, <c>*</c>,
/// <c>0.0.0.0</c>, <c>[::]</c>) or <c>localhost</c> asked on 127.0.0.1.
/// </summary>
public static partial class HealthCheck
{
    public const string Flag = "--check-health";

    /// <summary>How long the gateway has to answer.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private const string ReadyPath = "/health/ready";

    public static bool IsRequested(string[] args) => args.Contains(Flag, StringComparer.Ordinal);

    /// <summary>Runs the check; the exit code is 0 when the gateway is ready.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var at = Array.IndexOf(args, Flag);
        var given = at + 1 < args.Length && !args[at + 1].StartsWith('-') ? args[at + 1] : null;
        var settings = args.Where((_, i) => i != at && (given is null || i != at + 1)).ToArray();

        var (target, problem) = given is not null ? FromGivenUrl(given) : FromSettings(ReadConfiguration(settings));
        if (target is null)
        {
            await error.WriteLineAsync("not checked: " + problem).ConfigureAwait(false);
            return 1;
        }

        using var handler = new SocketsHttpHandler();

        // The gateway's own address on loopback: its certificate names the public host, not 127.0.0.1.
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, errors) => errors == SslPolicyErrors.None || IsLoopback(target.Host);
        using var http = new HttpClient(handler) { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(target).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status == 200)
            {
                await output.WriteLineAsync($"ready: GET {target} answered 200").ConfigureAwait(false);
                return 0;
            }

            var body = OneLine(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
            await error.WriteLineAsync($"not ready: GET {target} answered {status} {body}".TrimEnd()).ConfigureAwait(false);
            return 1;
        }
        catch (HttpRequestException ex)
        {
            await error.WriteLineAsync($"not ready: GET {target} failed: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (TaskCanceledException)
        {
            await error.WriteLineAsync($"not ready: GET {target} did not answer within {Timeout.TotalSeconds:0} s").ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>A gateway's base URL (its <c>/health/ready</c> is asked) or a full URL to ask as it is.</summary>
    public static (Uri? Target, string? Problem) FromGivenUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return (null, $"'{url}' is not an http:// or https:// URL (give the gateway's address, e.g. http://127.0.0.1:4000)");
        }

        return (uri.AbsolutePath == "/" ? new Uri(uri, ReadyPath) : uri, null);
    }

    /// <summary>The readiness URL of the address the gateway listens on, from its <c>urls</c> (or <c>http_ports</c>) setting.</summary>
    public static (Uri? Target, string? Problem) FromSettings(IConfiguration configuration)
    {
        var urls = configuration["urls"];
        if (string.IsNullOrWhiteSpace(urls))
        {
            // What Kestrel does without urls: the port lists, else its own default.
            urls = FirstPort(configuration["http_ports"]) is { } http ? $"http://localhost:{http}"
                : FirstPort(configuration["https_ports"]) is { } https ? $"https://localhost:{https}"
                : "http://localhost:5000";
        }

        var addresses = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault() ?? "";
        var match = ListenAddress().Match(address);
        if (!match.Success)
        {
            return (null, $"the gateway's address '{address}' (urls) is not one to check: give the URL, e.g. --check-health http://127.0.0.1:4000");
        }

        var scheme = match.Groups["scheme"].Value.ToLowerInvariant();
        var port = match.Groups["port"].Success ? match.Groups["port"].Value : scheme == "https" ? "443" : "80";
        if (port == "0")
        {
            return (null, $"the gateway listens on a port chosen at start ({address}): give its URL, e.g. --check-health http://127.0.0.1:4000");
        }

        var host = match.Groups["host"].Value;
        if (host is "+" or "*" or "0.0.0.0" or "[::]" || host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            host = "127.0.0.1";
        }

        return FromGivenUrl($"{scheme}://{host}:{port}{ReadyPath}");
    }

    /// <summary>The settings the gateway reads, in its order (later wins), without starting anything.</summary>
    public static IConfiguration ReadConfiguration(string[] commandLine)
    {
        var host = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(commandLine)
            .Build();
        var environment = host["environment"] is { Length: > 0 } name ? name : "Production";
        return new ConfigurationBuilder()
            .AddConfiguration(host)
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, $"appsettings.{environment}.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .AddCommandLine(commandLine)
            .Build();
    }

    private static string? FirstPort(string? ports) =>
        ports?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();

    private static bool IsLoopback(string host) => host is "127.0.0.1" or "[::1]" or "::1" || host.Equals("localhost", StringComparison.OrdinalIgnoreCase);

    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= 200 ? line : line[..200] + "…";
    }

    [GeneratedRegex(@"^(?<scheme>https?)://(?<host>\[[^\]]*\]|[^:/\[\]]+)(:(?<port>\d+))?(/.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ListenAddress();
}
