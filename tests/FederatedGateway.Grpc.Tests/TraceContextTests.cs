using System.Diagnostics;
using FederatedGateway.Grpc.Tests.Infrastructure;

namespace FederatedGateway.Grpc.Tests;

/// <summary>
/// The trace context of the request being served (in the gateway: ASP.NET Core's activity, built from the client's
/// <c>traceparent</c>, <c>tracestate</c> and <c>baggage</c>) is not written into gRPC calls as metadata.
/// </summary>
public sealed class TraceContextTests(KitchenFixture fixture) : IClassFixture<KitchenFixture>
{
    [Fact]
    public async Task The_current_activitys_trace_headers_do_not_reach_the_service()
    {
        using var activity = new Activity("incoming request")
            .SetParentId("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
            .AddBaggage("role", "admin");
        activity.TraceStateString = "vendor=secret";
        activity.Start();
        fixture.Server.Calls.LastHeaders.Clear();

        var answer = await fixture.Gateway.QueryAsync("{ getItem(id: \"t\") { id } }");

        Assert.Equal("t", CodecTests.Data(answer).GetProperty("getItem").GetProperty("id").GetString());
        Assert.NotEmpty(fixture.Server.Calls.LastHeaders);
        foreach (var name in new[] { "traceparent", "tracestate", "baggage", "request-id", "correlation-context" })
        {
            Assert.DoesNotContain(name, fixture.Server.Calls.LastHeaders.Keys);
        }
    }
}
