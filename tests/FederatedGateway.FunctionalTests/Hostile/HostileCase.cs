using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FederatedGateway.FunctionalTests.Hostile;

/// <summary>
/// One hostile request (or exchange) and what the gateway must do with it: the status (HTTP status, or the close
/// code of a WebSocket), <c>errors[0].extensions.code</c> or "data present", and the bounds on what it may cost:
/// server CPU time, wall time, response size and the server's peak RSS while it ran.
/// </summary>
/// <param name="Name">Unique, stable name (the theory's row): category-what.</param>
/// <param name="Reason">One line: what the attack is and why the answer must be the expected one.</param>
/// <param name="Send">Sends the attack and returns what came back.</param>
/// <param name="Outcomes">The accepted outcomes (usually one; more only where the README leaves the choice open).</param>
public sealed record HostileCase(
    string Name, string Reason, Func<HostileServerFixture, CancellationToken, Task<HostileResponse>> Send, params Expect[] Outcomes)
{
    public static readonly TimeSpan DefaultMaxCpu = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan DefaultMaxWall = TimeSpan.FromSeconds(2);
    public const long DefaultMaxBody = 1024 * 1024;
    public const long DefaultMaxRss = 400L * 1024 * 1024;

    /// <summary>Server CPU time (user + system) the case may cost, per attempt, including what it still costs 100 ms after the answer.</summary>
    public TimeSpan MaxCpu { get; init; } = DefaultMaxCpu;

    /// <summary>Server CPU time the case may still cost after its answer (or after the client left); null: only <see cref="MaxCpu"/>.</summary>
    public TimeSpan? MaxCpuAfterAnswer { get; init; }

    /// <summary>Client-side wall time of the fastest attempt.</summary>
    public TimeSpan MaxWall { get; init; } = DefaultMaxWall;

    /// <summary>Largest response body (bytes).</summary>
    public long MaxBody { get; init; } = DefaultMaxBody;

    /// <summary>Largest server RSS (VmHWM) while the case ran.</summary>
    public long MaxRss { get; init; } = DefaultMaxRss;

    /// <summary>How many times the case is sent (the wall bound applies to the fastest, CPU to the mean).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>Further assertions on the answer (error counts, WebSocket details, subgraph state).</summary>
    public Func<HostileServerFixture, HostileResponse, Task>? Check { get; init; }

    /// <summary>After this (per attempt) the client gives up (the case then fails, and the server is restarted).</summary>
    public TimeSpan HardTimeout => MaxWall * 1.5 > TimeSpan.FromSeconds(3) ? MaxWall * 1.5 : TimeSpan.FromSeconds(3);

    public override string ToString() => Name;
}

/// <summary>
/// An accepted outcome: status, and <see cref="Code"/> = the first error's code, <see cref="Data"/>, or null (status
/// only); for a WebSocket that stays open, <see cref="MessageType"/> is the type of the message awaited.
/// </summary>
public readonly record struct Expect(int Status, string? Code, string? MessageType = null)
{
    /// <summary>The <see cref="Code"/> meaning "a data object and no errors".</summary>
    public const string Data = "(data)";

    /// <summary>The <see cref="Status"/> of an exchange the client ends itself (no answer is awaited).</summary>
    public const int ClientLeft = 0;

    public static Expect Error(int status, string code) => new(status, code);

    public static Expect Request(string code) => new(400, code);

    public static Expect Ok() => new(200, Data);

    public static Expect StatusOnly(int status) => new(status, null);

    /// <summary>A WebSocket the server closes with <paramref name="closeCode"/>.</summary>
    public static Expect Closed(int closeCode) => new(closeCode, null);

    /// <summary>A WebSocket that stays open and carries an <c>error</c> message whose first error has <paramref name="code"/>.</summary>
    public static Expect OpenWithError(string code) => new(0, code, "error");

    /// <summary>A WebSocket that stays open and answers with a message of <paramref name="type"/>.</summary>
    public static Expect OpenWithMessage(string type) => new(0, null, type);

    public override string ToString() => (MessageType is null ? string.Empty : $"'{MessageType}' message, ") + Code switch
    {
        null => Status.ToString(CultureInfo.InvariantCulture),
        Data => $"{Status} with data",
        _ => $"{Status} {Code}",
    };
}

/// <summary>What came back: HTTP status (or WebSocket close code, 0 = open / none), media type and body bytes.</summary>
public sealed class HostileResponse(int status, string? mediaType, byte[] body, long length)
{
    public int Status { get; } = status;

    public string? MediaType { get; } = mediaType;

    /// <summary>The body (at most <see cref="HostileServerFixture.MaxReadBody"/> bytes of it).</summary>
    public byte[] Body { get; } = body;

    /// <summary>The body's full length; over <see cref="HostileServerFixture.MaxReadBody"/> when it was cut.</summary>
    public long Length { get; } = length;

    /// <summary>What happened besides (close reason, exception, "no answer").</summary>
    public string? Note { get; init; }

    public static HostileResponse NoAnswer(string why) => new(Expect.ClientLeft, null, [], 0) { Note = why };

    /// <summary>
    /// A WebSocket outcome: the close code (0 when open), the last message's type as <see cref="MediaType"/>, and its
    /// payload as the body (an <c>error</c>'s payload read as <c>{"errors":…}</c>).
    /// </summary>
    public static HostileResponse WebSocket(int closeCode, string? lastMessage, string? note)
    {
        var body = lastMessage is null ? [] : Encoding.UTF8.GetBytes(lastMessage);
        string? messageType = null;
        if (lastMessage is not null)
        {
            using var document = JsonDocument.Parse(lastMessage);
            var root = document.RootElement;
            messageType = root.TryGetProperty("type", out var type) ? type.GetString() : null;
            if (messageType == "error" && root.TryGetProperty("payload", out var payload))
            {
                body = Encoding.UTF8.GetBytes("{\"errors\":" + payload.GetRawText() + "}");
            }
            else if (messageType == "next" && root.TryGetProperty("payload", out payload))
            {
                body = Encoding.UTF8.GetBytes(payload.GetRawText());
            }
        }

        return new HostileResponse(closeCode, messageType, body, body.Length) { Note = note };
    }

    /// <summary>Reads a raw HTTP/1.1 answer: the first status line, and the body after the first blank line.</summary>
    public static HostileResponse FromRawHttp(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        if (!text.StartsWith("HTTP/1.", StringComparison.Ordinal) || text.Length < 12)
        {
            return new HostileResponse(Expect.ClientLeft, null, [], 0) { Note = bytes.Length == 0 ? "the server closed without an answer" : "not HTTP: " + Shorten(text) };
        }

        var status = int.Parse(text.AsSpan(9, 3), CultureInfo.InvariantCulture);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var body = end < 0 ? [] : bytes[(end + 4)..];
        string? mediaType = null;
        foreach (var line in (end < 0 ? text : text[..end]).Split("\r\n"))
        {
            if (line.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))
            {
                mediaType = line["Content-Type:".Length..].Split(';')[0].Trim();
            }
        }

        return new HostileResponse(status, mediaType, body, body.Length) { Note = "raw: " + Shorten(text) };
    }

    /// <summary>The parsed body, or null when it is not one JSON value.</summary>
    public JsonElement? Json
    {
        get
        {
            if (Body.Length == 0 || Length > Body.Length)
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(Body);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    public IReadOnlyList<JsonElement> Errors =>
        Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
            ? [.. errors.EnumerateArray()]
            : [];

    /// <summary><c>errors[0].extensions.code</c>, <see cref="Expect.Data"/> for a data object without errors, else null.</summary>
    public string? Code
    {
        get
        {
            if (Json is not { ValueKind: JsonValueKind.Object } json)
            {
                return null;
            }

            if (json.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                return errors[0].TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object
                    && extensions.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                        ? code.GetString()
                        : "(error without code)";
            }

            return json.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? Expect.Data : null;
        }
    }

    public string Text => Encoding.UTF8.GetString(Body);

    public override string ToString() =>
        $"{Status} {MediaType} {Length} bytes{(Note is null ? string.Empty : $" ({Shorten(Note)})")}: {Shorten(Text)}";

    internal static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + $"… ({text.Length} chars)";
}

/// <summary>What one case cost and answered; <see cref="Failures"/> lists every expectation it missed.</summary>
public sealed class HostileMeasurement(HostileCase hostileCase)
{
    public HostileCase Case { get; } = hostileCase;

    public List<HostileResponse> Responses { get; } = [];

    public TimeSpan Wall { get; set; }

    public TimeSpan ServerCpu { get; set; }

    public TimeSpan CpuAfterAnswer { get; set; }

    public long PeakRss { get; set; }

    public bool Healthy { get; set; }

    public bool TimedOut { get; set; }

    public bool KilledForMemory { get; set; }

    public bool Restarted { get; set; }

    /// <summary>How the server started, when this case was the first on it.</summary>
    public string? StartNote { get; set; }

    public string Summary =>
        $"{Case.Name}: {string.Join(" | ", Responses.Select(r => $"{r.Status} {r.Code ?? "-"} {r.Length} B"))}; "
        + $"wall {Wall.TotalMilliseconds:0.0} ms, server CPU {ServerCpu.TotalMilliseconds:0} ms (after answer {CpuAfterAnswer.TotalMilliseconds:0}), "
        + $"peak RSS {PeakRss / 1048576.0:0} MB, healthy {Healthy}{(Restarted ? ", server restarted" : string.Empty)}"
        + (StartNote is null ? string.Empty : $" [{StartNote}]");

    public async Task<List<string>> FailuresAsync(HostileServerFixture server)
    {
        var failures = new List<string>();
        foreach (var response in Responses)
        {
            if (!Case.Outcomes.Any(expected => Matches(expected, response)))
            {
                failures.Add($"expected {string.Join(" or ", Case.Outcomes)}, got {response}");
            }

            if (response.Length > Case.MaxBody)
            {
                failures.Add($"response body {response.Length} bytes > {Case.MaxBody}");
            }
        }

        if (failures.Count == 0 && Case.Check is { } check)
        {
            try
            {
                await check(server, Responses[^1]);
            }
            catch (Exception ex) when (ex is Xunit.Sdk.XunitException or InvalidOperationException or KeyNotFoundException or JsonException)
            {
                failures.Add("check: " + ex.Message);
            }
        }

        if (TimedOut)
        {
            failures.Add($"no answer within {Case.HardTimeout.TotalSeconds:0.#} s (the server was restarted)");
        }

        if (KilledForMemory)
        {
            failures.Add($"server RSS passed {HostileServerFixture.HardRssCeiling / 1048576} MB: killed");
        }

        if (ServerCpu > Case.MaxCpu)
        {
            failures.Add($"server CPU {ServerCpu.TotalMilliseconds:0} ms > {Case.MaxCpu.TotalMilliseconds:0} ms (of which {CpuAfterAnswer.TotalMilliseconds:0} ms after the answer)");
        }

        if (CpuAfterAnswer > Case.MaxCpuAfterAnswer)
        {
            failures.Add($"server CPU after the answer {CpuAfterAnswer.TotalMilliseconds:0} ms > {Case.MaxCpuAfterAnswer.Value.TotalMilliseconds:0} ms");
        }

        if (Wall > Case.MaxWall)
        {
            failures.Add($"wall time {Wall.TotalMilliseconds:0} ms > {Case.MaxWall.TotalMilliseconds:0} ms");
        }

        if (PeakRss > Case.MaxRss)
        {
            failures.Add($"server peak RSS {PeakRss / 1048576} MB > {Case.MaxRss / 1048576} MB");
        }

        if (!Healthy)
        {
            failures.Add("the server no longer answers { me { name } } correctly");
        }

        return failures;
    }

    private static bool Matches(Expect expected, HostileResponse response) =>
        expected.Status == response.Status
        && (expected.Code is null || expected.Code == response.Code)
        && (expected.MessageType is null || expected.MessageType == response.MediaType);
}
