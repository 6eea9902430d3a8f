using System.Buffers;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.FunctionalTests;

internal static class TestClients
{
    public static readonly ISubgraphClient Http = new SimpleClient();

    private sealed class SimpleClient : ISubgraphClient
    {
        private readonly HttpClient _http = new();

        public async ValueTask<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken)
        {
            using var content = new ByteArrayContent(request.Body.ToArray());
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await _http.PostAsync(request.Url, content, cancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var rented = ArrayPool<byte>.Shared.Rent(Math.Max(1, bytes.Length));
            bytes.CopyTo(rented, 0);
            return SubgraphResponse.FromBody(rented, bytes.Length, (int)response.StatusCode);
        }
    }
}
