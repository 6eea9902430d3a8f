using FederatedGateway.Grpc.Transcoding;

namespace FederatedGateway.Grpc.Tests;

/// <summary>google.api.http path templates: variables, patterns, wildcards and verbs.</summary>
public sealed class PathTemplateTests
{
    [Theory]
    [InlineData("/v1/quotes/{symbol}", "/v1/quotes/AAPL", "symbol=AAPL")]
    [InlineData("/v1/{name=shelves/*}/books/{book.id}", "/v1/shelves/7/books/b%2F1", "name=shelves/7;book.id=b/1")]
    [InlineData("/v1/files/{path=**}", "/v1/files/a/b/c.txt", "path=a/b/c.txt")]
    [InlineData("/v1/quotes:batchGet", "/v1/quotes:batchGet", "")]
    [InlineData("/v1/*/items", "/v1/anything/items", "")]
    public void A_matching_path_binds_its_variables(string template, string path, string expected)
    {
        var values = PathTemplate.Parse(template).Match(path);
        Assert.NotNull(values);
        Assert.Equal(expected, string.Join(';', values.Select(v => $"{v.Key}={v.Value}")));
    }

    [Theory]
    [InlineData("/v1/quotes/{symbol}", "/v1/quotes")]
    [InlineData("/v1/quotes/{symbol}", "/v1/quotes/A/B")]
    [InlineData("/v1/quotes:batchGet", "/v1/quotes")]
    [InlineData("/v1/{name=shelves/*}", "/v1/racks/7")]
    public void Another_path_does_not_match(string template, string path) => Assert.Null(PathTemplate.Parse(template).Match(path));

    [Fact]
    public void The_OpenAPI_form_names_each_variable_once() =>
        Assert.Equal("/v1/{name}/books/{book.id}:get", PathTemplate.Parse("/v1/{name=shelves/*}/books/{book.id}:get").OpenApiPath);

    [Fact]
    public void A_malformed_template_is_refused() => Assert.Throws<FormatException>(() => PathTemplate.Parse("v1/{unclosed"));
}
