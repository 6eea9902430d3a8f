using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Benchmarks;

/// <summary>
/// Answers subgraph requests from recorded answers (keyed by the SHA-256 of the request body), so the executor
/// can be measured without a network. <see cref="Recording"/> wraps a real client and captures the answers.
/// </summary>
public sealed class ReplayingSubgraphClient : ISubgraphClient
{
    private readonly Dictionary<string, byte[]> _answers;

    public ReplayingSubgraphClient(Dictionary<string, byte[]> answers)
    {
        _answers = answers;
    }

    public static string Key(ReadOnlySpan<byte> body) => Convert.ToHexString(SHA256.HashData(body));

    public static ReplayingSubgraphClient Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var answers = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            answers[property.Name] = Encoding.UTF8.GetBytes(property.Value.GetString()!);
        }

        return new ReplayingSubgraphClient(answers);
    }

    public ValueTask<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken)
    {
        if (!_answers.TryGetValue(Key(request.Body.Span), out var answer))
        {
            return ValueTask.FromResult(SubgraphResponse.Failed("no recorded answer for this request", "SUBREQUEST_HTTP_ERROR"));
        }

        var rented = ArrayPool<byte>.Shared.Rent(answer.Length);
        answer.CopyTo(rented, 0);
        return ValueTask.FromResult(SubgraphResponse.FromBody(rented, answer.Length, 200));
    }

    /// <summary>Forwards to a real client and keeps every answer.</summary>
    public sealed class Recording : ISubgraphClient
    {
        private readonly ISubgraphClient _inner;

        public Recording(ISubgraphClient inner)
        {
            _inner = inner;
        }

        public Dictionary<string, string> Answers { get; } = new(StringComparer.Ordinal);

        public async ValueTask<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken)
        {
            var response = await _inner.SendAsync(request, cancellationToken);
            if (response.Failure is null)
            {
                lock (Answers)
                {
                    Answers[Key(request.Body.Span)] = Encoding.UTF8.GetString(response.Body.Span);
                }
            }

            return response;
        }
    }
}
