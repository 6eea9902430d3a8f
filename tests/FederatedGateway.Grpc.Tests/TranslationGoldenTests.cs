using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Tests;

/// <summary>
/// The whole SDL of the test services in both styles, kept as files (Goldens/*.graphql): every proto construct the
/// kitchen-sink and market services have (scalars, 64-bit integers, bytes, enums with UNSPECIFIED, oneof, map, nested
/// and recursive messages, every well-known type, entities). Set FGW_UPDATE_GOLDENS=1 to rewrite them after a
/// deliberate change, then read the diff.
/// </summary>
public sealed class TranslationGoldenTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "kitchen", "mirror" }, { "kitchen", "idiomatic" }, { "market", "mirror" }, { "market", "idiomatic" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_translated_SDL_is_the_golden(string service, string style)
    {
        var options = style == "mirror" ? TestSchemas.Mirror : TranslationOptions.Default;
        var sdl = (service == "kitchen" ? TestSchemas.Kitchen(options) : TestSchemas.Market(options)).Sdl;
        var path = Path.Combine(SourceFolder(), "Goldens", $"{service}.{style}.graphql");
        if (Environment.GetEnvironmentVariable("FGW_UPDATE_GOLDENS") == "1")
        {
            File.WriteAllText(path, sdl);
        }

        Assert.Equal(File.ReadAllText(path), sdl);
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
