using System.Text;
using System.Text.Json;

namespace FederatedGateway.FunctionalTests.Infrastructure;

public static class JsonAssert
{
    /// <summary>
    /// Byte-for-byte equality after removing insignificant whitespace: same property order, same number text
    /// (<c>4151</c> is not <c>4151.0</c>).
    /// </summary>
    public static void Equal(string expectedJson, JsonElement actual)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        Assert.Equal(Compact(expected.RootElement), Compact(actual));
    }

    /// <summary>Fails when any object below <paramref name="element"/> has a property named <paramref name="name"/>.</summary>
    public static void NoPropertyAnywhere(JsonElement element, string name, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Assert.False(property.NameEquals(name), $"unexpected '{name}' at {path}");
                    NoPropertyAnywhere(property.Value, name, path + "." + property.Name);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    NoPropertyAnywhere(item, name, $"{path}[{index++}]");
                }

                break;
        }
    }

    public static string Compact(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
