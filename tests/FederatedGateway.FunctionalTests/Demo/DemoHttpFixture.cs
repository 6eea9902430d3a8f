using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FederatedGateway.Demo;
using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary>The real gateway (Kestrel) over the real demo subgraphs, all on 127.0.0.1 with free ports.</summary>
public sealed class DemoHttpFixture : IAsyncLifetime
{
    public DemoSubgraphHost Subgraphs { get; private set; } = null!;

    public WebApplication Gateway { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public string Endpoint => DemoGateway.Address(Gateway) + "/graphql";

    public async Task InitializeAsync()
    {
        Subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        Gateway = await DemoGateway.StartAsync(Subgraphs, "http://127.0.0.1:0");
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Subgraphs.DisposeAsync();
        Http.Dispose();
    }

    public async Task<(int Status, JsonElement Body)> PostAsync(string query, object? variables = null, string accept = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        using var response = await Http.SendAsync(request);
        return ((int)response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone());
    }
}
