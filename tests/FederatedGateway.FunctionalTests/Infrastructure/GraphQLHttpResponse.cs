using System.Text.Json;

namespace FederatedGateway.FunctionalTests.Infrastructure;

/// <summary>A gateway's HTTP answer: status, media type (without parameters) and the parsed JSON body.</summary>
public sealed record GraphQLHttpResponse(int Status, string? MediaType, JsonElement Body)
{
    public JsonElement Data => Body.GetProperty("data");

    public bool HasErrors => Body.TryGetProperty("errors", out _);

    public IReadOnlyList<JsonElement> Errors =>
        Body.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateArray()] : [];

    /// <summary>The single error whose <c>extensions.serviceName</c> is <paramref name="serviceName"/>.</summary>
    public JsonElement ErrorFrom(string serviceName) =>
        Assert.Single(Errors, e => e.TryGetProperty("extensions", out var ext)
            && ext.TryGetProperty("serviceName", out var name)
            && name.GetString() == serviceName);

    /// <summary>Fails with the whole body when the response has errors.</summary>
    public GraphQLHttpResponse AssertNoErrors()
    {
        Assert.False(HasErrors, Body.GetRawText());
        return this;
    }

    public override string ToString() => $"{Status} {MediaType} {Body.GetRawText()}";
}
