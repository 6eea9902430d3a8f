using FederatedGateway.Testing.Processes;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using FederatedGateway.Demo;
using FederatedGateway.FunctionalTests.Server;

namespace FederatedGateway.FunctionalTests.Hostile;

/// <summary>
/// The standalone gateway (<c>FederatedGateway.Server</c>, Production, default settings) as a child process over the
/// real demo subgraphs, with what the hostile-input cases need: the server's CPU time and resident memory read from
/// <c>/proc</c>, raw-byte senders (HttpClient with exact bodies, a TcpClient for malformed HTTP, a WebSocket), a
/// health probe, and a restart when a case left the server busy, bloated or broken (so one bad case does not
/// poison the measurements of the next).
/// </summary>
public sealed class HostileServerFixture : IAsyncLifetime
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    /// <summary>Above this RSS during a case the server is killed at once (the machine is shared): the case fails.</summary>
    public const long HardRssCeiling = 1536L * 1024 * 1024;

    /// <summary>The most response bytes a case reads; beyond it the body is counted as "too large" and dropped.</summary>
    public const int MaxReadBody = 8 * 1024 * 1024;

    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Rounds of the warm-up set on the first start: past the JIT's tier-up threshold (30 calls), so the cases do not
    /// pay for the background recompilation of the request path. A restart (only after a case that hurt the server)
    /// warms up less, to keep a failing run short.
    /// </summary>
    private const int WarmUpRounds = 32;

    private const int RestartWarmUpRounds = 10;
    private static readonly TimeSpan IdleWindow = TimeSpan.FromMilliseconds(100);

    /// <summary>CPU time above this within <see cref="IdleWindow"/> after a case means the server kept working on it.</summary>
    private static readonly TimeSpan BusyThreshold = TimeSpan.FromMilliseconds(50);

    /// <summary>When the server looked busy after a case: over 70% of a core in this window means it really is (a JIT tier-up burst is shorter).</summary>
    private static readonly TimeSpan SustainedWindow = TimeSpan.FromSeconds(1);

    private static readonly long ClockTicksPerSecond = ReadClockTicks();

    private ServerProcess? _server;
    private bool _dirty;

    public DemoSubgraphHost Subgraphs { get; private set; } = null!;

    public HttpClient Http { get; } = new(new SocketsHttpHandler
    {
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public string BaseUrl { get; private set; } = string.Empty;

    public string Endpoint => BaseUrl + "/graphql";

    public int Port => new Uri(BaseUrl).Port;

    public int ProcessId => _server!.Id;

    /// <summary>How many times the server was (re)started; more than one means some case hurt it.</summary>
    public int Starts { get; private set; }

    /// <summary>The server's stdout and stderr (for failure messages).</summary>
    public string ServerOutput => _server is null ? string.Empty : _server.StandardOutput + "\n" + _server.StandardError;

    public async Task InitializeAsync()
    {
        Subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        await StartServerAsync();
    }

    public async Task DisposeAsync()
    {
        StopServer();
        Http.Dispose();
        await Subgraphs.DisposeAsync();
    }

    /// <summary>Restarts the server when the previous case left it broken.</summary>
    public async Task EnsureServerAsync()
    {
        if (_dirty || _server is null || _server.HasExited)
        {
            StopServer();
            await StartServerAsync();
        }
    }

    private async Task StartServerAsync()
    {
        var environment = Subgraphs.Subgraphs.ToDictionary(s => $"Gateway__SubgraphUrlOverrides__{s.Name}", s => s.Url.ToString());
        var clock = Stopwatch.StartNew();
        _server = ServerProcess.Start(["--supergraph", DemoGateway.SupergraphPath, "--urls", "http://127.0.0.1:0"], environment);
        Starts++;
        _dirty = false;
        BaseUrl = await _server.ListeningUrl.WaitAsync(StartupLimit);
        while (!await IsHealthyAsync())
        {
            Assert.True(clock.Elapsed < StartupLimit && !_server.HasExited, "The gateway did not become healthy:\n" + ServerOutput);
            await Task.Delay(100);
        }

        var healthy = clock.Elapsed;
        await WarmUpAsync();
        var warm = clock.Elapsed;
        await WaitUntilIdleAsync();
        LastStart = $"start #{Starts}: healthy after {healthy.TotalSeconds:0.0} s, warmed up after {warm.TotalSeconds:0.0} s, idle after {clock.Elapsed.TotalSeconds:0.0} s";
        FreshStart = true;
    }

    /// <summary>How long the last (re)start took: to healthy, warmed up and idle.</summary>
    public string LastStart { get; private set; } = string.Empty;

    /// <summary>True until a case has run on the server started last.</summary>
    public bool FreshStart { get; set; }

    /// <summary>Waits (at most 4 s) until the server spends under 10% of a core, e.g. once the JIT's background tier-up is done.</summary>
    private async Task WaitUntilIdleAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(4);
        while (DateTime.UtcNow < deadline)
        {
            var before = CpuTime();
            await Task.Delay(250);
            if (CpuTime() - before <= TimeSpan.FromMilliseconds(25))
            {
                return;
            }
        }
    }

    private void StopServer()
    {
        _server?.Dispose();
        _server = null;
    }

    /// <summary>
    /// Runs every code path the cases use a few times first, so a case measures its own work and not the JIT
    /// compiling the endpoint, the validator or the WebSocket session for the first time.
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var token = timeout.Token;
        var rounds = Starts == 1 ? WarmUpRounds : RestartWarmUpRounds;
        for (var round = 0; round < rounds; round++)
        {
            await PostJsonAsync("""{"query":"{ me { name positions { instrument { symbol } } } }"}""", token);
            await PostJsonAsync("""{"query":"query($id: ID!) { trader(id: $id) { name } }","variables":{"id":"t2"}}""", token);
            await PostJsonAsync("""{"query":"{ me { nope } }"}""", token);
            await PostJsonAsync("""{"query":"{ me { "}""", token);
            await PostJsonAsync("""{"query":"{ __schema { queryType { name } } }"}""", token);
            await PostJsonAsync("""{"query":"{ me { a: name b: desk ...F } } fragment F on Trader { id @skip(if: false) }"}""", token);
            await PostJsonAsync("""{"query":"query($id: ID!) { trader(id: $id) { name } }","variables":{"id":[1]}}""", token);
            await PostJsonAsync("""{"query":1}""", token);
            await PostJsonAsync("{\"query\":\"x", token);
            await SendAsync(Request(HttpMethod.Get, "?query=" + Uri.EscapeDataString("{ __typename }")), token);
            await SendAsync(Request(HttpMethod.Put, string.Empty), token);
            await SendAsync(new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent("{}"u8.ToArray()) }, token);
            await RawAsync(Encoding.ASCII.GetBytes("BROKEN\r\n\r\n"), token);
            await using (var ws = await WsAsync(token: token))
            {
                await ws.SendTextAsync("""{"type":"connection_init"}""", token);
                await ws.ReceiveAsync(token);
                await ws.SendTextAsync("""{"id":"1","type":"subscribe","payload":{"query":"{ me { name } }"}}""", token);
                await ws.ReceiveAsync(token);
                await ws.ReceiveAsync(token);
            }

            var sse = Request(HttpMethod.Post, string.Empty, """{"query":"{ me { name } }"}"""u8.ToArray(), accept: "text/event-stream");
            await SendAsync(sse, token);
        }
    }

    private Task<HostileResponse> PostJsonAsync(string json, CancellationToken token) =>
        SendAsync(Request(HttpMethod.Post, string.Empty, Encoding.UTF8.GetBytes(json)), token);

    /// <summary>True when a normal query answers correctly within 3 s.</summary>
    public async Task<bool> IsHealthyAsync()
    {
        if (_server is null || _server.HasExited || BaseUrl.Length == 0)
        {
            return false;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            var response = await SendAsync(
                Request(HttpMethod.Post, string.Empty, """{"query":"{ me { name } }"}"""u8.ToArray()), timeout.Token);
            return response.Status == 200 && Encoding.UTF8.GetString(response.Body).Contains("\"Ada Lovelace\"", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            return false;
        }
    }

    /// <summary>Marks the server for a restart before the next case.</summary>
    public void MarkDirty() => _dirty = true;

    // ---- measurements from /proc ---------------------------------------------------------------------------------

    /// <summary>User + system CPU time the server process has used so far (<c>/proc/PID/stat</c> utime + stime).</summary>
    public TimeSpan CpuTime()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{ProcessId}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

            // After "pid (comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds((double)ticks / ClockTicksPerSecond);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return TimeSpan.Zero; // exited
        }
    }

    /// <summary>Resident set size now (<c>VmRSS</c>), in bytes; 0 once the process is gone.</summary>
    public long Rss() => ReadStatus("VmRSS:");

    /// <summary>Peak resident set size since the last <see cref="ResetPeakRss"/> (<c>VmHWM</c>), in bytes.</summary>
    public long PeakRss() => ReadStatus("VmHWM:");

    /// <summary>Resets <c>VmHWM</c> to the current RSS (writing 5 to <c>/proc/PID/clear_refs</c>, Linux 4.0+).</summary>
    public void ResetPeakRss()
    {
        try
        {
            File.WriteAllText($"/proc/{ProcessId}/clear_refs", "5");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not allowed here: VmHWM then is the lifetime peak, which only makes the bound stricter.
        }
    }

    private long ReadStatus(string key)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{ProcessId}/status"))
            {
                if (line.StartsWith(key, StringComparison.Ordinal))
                {
                    var kb = line[key.Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }

        return 0;
    }

    // ---- running one case ----------------------------------------------------------------------------------------

    /// <summary>Runs <paramref name="hostileCase"/> against the server and measures it; restarts the server afterwards when needed.</summary>
    public async Task<HostileMeasurement> RunAsync(HostileCase hostileCase)
    {
        await EnsureServerAsync();
        await SettleAsync();
        var measurement = new HostileMeasurement(hostileCase) { StartNote = FreshStart ? LastStart : null };
        FreshStart = false;
        using var cancel = new CancellationTokenSource(hostileCase.HardTimeout * hostileCase.Attempts);
        using var guardStop = new CancellationTokenSource();
        var guard = GuardMemoryAsync(measurement, cancel, guardStop.Token);

        ResetPeakRss();
        var cpuBefore = CpuTime();
        for (var attempt = 0; attempt < hostileCase.Attempts; attempt++)
        {
            var clock = Stopwatch.StartNew();
            HostileResponse response;
            try
            {
                response = await hostileCase.Send(this, cancel.Token);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                response = HostileResponse.NoAnswer($"no answer within {hostileCase.HardTimeout.TotalSeconds:0.#} s");
                measurement.TimedOut = true;
            }
            catch (Exception ex)
            {
                // A transport failure (reset, refused) or a script's own assertion: the case fails on its outcome.
                response = HostileResponse.NoAnswer($"{ex.GetType().Name}: {ex.Message}");
            }

            clock.Stop();
            measurement.Wall = attempt == 0 || clock.Elapsed < measurement.Wall ? clock.Elapsed : measurement.Wall;
            measurement.Responses.Add(response);
            if (measurement.TimedOut)
            {
                break;
            }
        }

        var cpuAfter = CpuTime();
        await Task.Delay(IdleWindow);
        var cpuIdle = CpuTime();
        await guardStop.CancelAsync();
        await guard;

        measurement.ServerCpu = (cpuAfter - cpuBefore) / measurement.Responses.Count + (cpuIdle - cpuAfter);
        measurement.CpuAfterAnswer = cpuIdle - cpuAfter;
        measurement.PeakRss = Math.Max(measurement.PeakRss, PeakRss());
        measurement.Healthy = await IsHealthyAsync();

        // Busy after the answer: a JIT tier-up blip passes, work that goes on (an abandoned request) does not.
        var stillBusy = false;
        if (measurement.CpuAfterAnswer > BusyThreshold)
        {
            var before = CpuTime();
            await Task.Delay(SustainedWindow);
            stillBusy = CpuTime() - before > SustainedWindow * 0.7;
        }

        if (!measurement.Healthy || measurement.TimedOut || measurement.KilledForMemory || stillBusy || measurement.PeakRss > hostileCase.MaxRss)
        {
            measurement.Restarted = true;
            MarkDirty();
            StopServer(); // at once: a server still burning a core must not slow the other cases (or other processes)
        }

        return measurement;
    }

    /// <summary>
    /// Waits (at most 1.5 s) for a quiet 100 ms: the JIT recompiles hot methods in the background once the process
    /// has been quiet for a moment, and that backlog belongs to no case.
    /// </summary>
    private async Task SettleAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(1.5);
        while (DateTime.UtcNow < deadline)
        {
            var before = CpuTime();
            await Task.Delay(IdleWindow);
            if (CpuTime() - before <= TimeSpan.FromMilliseconds(10))
            {
                return;
            }
        }
    }

    /// <summary>Samples RSS while the case runs; kills the server (and cancels the case) above <see cref="HardRssCeiling"/>.</summary>
    private async Task GuardMemoryAsync(HostileMeasurement measurement, CancellationTokenSource cancel, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var rss = Rss();
                measurement.PeakRss = Math.Max(measurement.PeakRss, rss);
                if (rss > HardRssCeiling)
                {
                    measurement.KilledForMemory = true;
                    StopServer();
                    await cancel.CancelAsync();
                    return;
                }

                await Task.Delay(20, stop);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    // ---- senders -------------------------------------------------------------------------------------------------

    /// <summary>A request to the GraphQL endpoint (<paramref name="pathAndQuery"/> appended) with exact body bytes.</summary>
    public HttpRequestMessage Request(
        HttpMethod method, string pathAndQuery, byte[]? body = null, string? contentType = "application/json",
        string? accept = GraphQLResponseJson, IReadOnlyDictionary<string, string>? headers = null)
    {
        var request = new HttpRequestMessage(method, Endpoint + pathAndQuery);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    /// <summary>Sends the request and reads at most <see cref="MaxReadBody"/> bytes of the answer.</summary>
    public async Task<HostileResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var (body, length) = await ReadCappedAsync(stream, cancellationToken);
            return new HostileResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, length);
        }
    }

    private static async Task<(byte[] Body, long Length)> ReadCappedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var kept = new MemoryStream();
        var buffer = new byte[64 * 1024];
        long length = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            length += read;
            if (kept.Length + read <= MaxReadBody)
            {
                kept.Write(buffer, 0, read);
            }
            else
            {
                return (kept.ToArray(), length + 1); // over the cap: stop reading, report "more than MaxReadBody"
            }
        }

        return (kept.ToArray(), length);
    }

    /// <summary>
    /// Writes <paramref name="request"/> as it is over a new TCP connection, then reads the answer (status line,
    /// headers, Content-Length body) until the server closes or <paramref name="readFor"/> passes (with
    /// <paramref name="untilClosed"/>, everything until the server closes).
    /// <paramref name="afterWrite"/> runs between the two (e.g. to stall, or to close without reading: status 0).
    /// </summary>
    public async Task<HostileResponse> RawAsync(
        byte[] request, CancellationToken cancellationToken, TimeSpan? readFor = null, Func<NetworkStream, CancellationToken, Task<bool>>? afterWrite = null,
        bool untilClosed = false)
    {
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(request, cancellationToken);
        }
        catch (IOException)
        {
            // The server answered and closed before taking everything: read what it said.
        }

        if (afterWrite is not null && !await afterWrite(stream, cancellationToken))
        {
            return HostileResponse.NoAnswer("the client left without reading");
        }

        using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        window.CancelAfter(readFor ?? TimeSpan.FromSeconds(3));
        using var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        try
        {
            while (received.Length <= MaxReadBody)
            {
                var read = await stream.ReadAsync(buffer, window.Token);
                if (read == 0)
                {
                    break;
                }

                received.Write(buffer, 0, read);
                if (!untilClosed && IsCompleteSingleResponse(received))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Read window over: keep what came.
        }
        catch (IOException)
        {
            // Reset by the server after its answer.
        }

        return HostileResponse.FromRawHttp(received.ToArray());
    }

    /// <summary>True once one whole response with a Content-Length body is in <paramref name="received"/> (and no more is expected).</summary>
    private static bool IsCompleteSingleResponse(MemoryStream received)
    {
        var text = Encoding.Latin1.GetString(received.GetBuffer(), 0, (int)received.Length);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        foreach (var line in text[..end].Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)
                && long.TryParse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture, out var length))
            {
                return received.Length >= end + 4 + length && text.IndexOf("HTTP/1.1", end + 4 + (int)Math.Min(length, text.Length - end - 4), StringComparison.Ordinal) < 0;
            }
        }

        return false;
    }

    /// <summary>Opens a WebSocket to the GraphQL endpoint (subprotocol graphql-transport-ws unless told otherwise).</summary>
    public async Task<HostileWebSocket> WsAsync(string? subprotocol = "graphql-transport-ws", CancellationToken token = default)
    {
        var socket = new ClientWebSocket();
        if (subprotocol is not null)
        {
            socket.Options.AddSubProtocol(subprotocol);
        }

        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await socket.ConnectAsync(new Uri(Endpoint.Replace("http://", "ws://", StringComparison.Ordinal)), token);
        return new HostileWebSocket(socket);
    }

    private static long ReadClockTicks()
    {
        var ticks = sysconf(ScClkTck);
        return ticks > 0 ? ticks : 100;
    }

    private const int ScClkTck = 2;

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SA1300, IDE1006 // the C name
    private static extern long sysconf(int name);
#pragma warning restore SA1300, IDE1006
}

/// <summary>A WebSocket client that sends exactly what a case asks (text, binary, oversized) and reads until close.</summary>
public sealed class HostileWebSocket(ClientWebSocket socket) : IAsyncDisposable
{
    /// <summary>The close code (never sent on the wire) for a connection that ended without a close frame.</summary>
    public const int AbnormalClosure = 1006;

    public ClientWebSocket Socket => socket;

    public Task SendTextAsync(string text, CancellationToken token) => SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, token);

    public async Task SendAsync(byte[] bytes, WebSocketMessageType type, CancellationToken token) =>
        await socket.SendAsync(bytes, type, true, token);

    /// <summary>The next message as text, or null when the server closed.</summary>
    public async Task<string?> ReceiveAsync(CancellationToken token)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, received.Count);
            if (message.Length > HostileServerFixture.MaxReadBody)
            {
                socket.Abort();
                throw new WebSocketException($"a message over {HostileServerFixture.MaxReadBody} bytes");
            }

            if (received.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    /// <summary>
    /// Reads messages (keep-alive pings skipped) until the server closes the socket or <paramref name="until"/> says
    /// a message is the one awaited; the answer's Status is the close code (0 when still open), its body that message.
    /// </summary>
    public async Task<HostileResponse> OutcomeAsync(CancellationToken token, Func<JsonElement, bool>? until = null)
    {
        string? last = null;
        while (true)
        {
            string? text;
            try
            {
                text = await ReceiveAsync(token);
            }
            catch (WebSocketException ex)
            {
                // No close frame: the connection was dropped, which RFC 6455 reports as 1006 (abnormal closure).
                return HostileResponse.WebSocket((int?)socket.CloseStatus ?? AbnormalClosure, last, ex.Message);
            }

            if (text is null)
            {
                return HostileResponse.WebSocket((int?)socket.CloseStatus ?? 0, last, socket.CloseStatusDescription);
            }

            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.TryGetProperty("type", out var type) && type.GetString() == "ping")
            {
                continue;
            }

            last = text;
            if (until is not null && until(root))
            {
                return HostileResponse.WebSocket(0, last, null);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
            }
        }

        socket.Dispose();
    }
}
