using FederatedGateway.Core.Composition;
using FederatedGateway.OpenApi.Translation;

namespace FederatedGateway.OpenApi.Tests;

/// <summary>
/// Public OpenAPI documents of different styles (Documents/README.md) translated to subgraphs: the SDL is the golden
/// (Goldens/*.graphql; set FGW_UPDATE_GOLDENS=1 to rewrite after a deliberate change, then read the diff), and each
/// composes as a subgraph without errors.
/// </summary>
public sealed class TranslationGoldenTests
{
    public static TheoryData<string> Documents => new() { "petstore-expanded", "polymorphism", "train-travel" };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task The_translated_SDL_is_the_golden(string document)
    {
        var sdl = (await TranslateAsync(document)).Sdl;
        var path = Path.Combine(SourceFolder(), "Goldens", document + ".graphql");
        if (Environment.GetEnvironmentVariable("FGW_UPDATE_GOLDENS") == "1")
        {
            await File.WriteAllTextAsync(path, sdl);
        }

        Assert.Equal(await File.ReadAllTextAsync(path), sdl);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task The_translation_composes_as_a_subgraph(string document)
    {
        var translation = await TranslateAsync(document);
        var result = SupergraphComposer.Compose([new SubgraphSource(document.Replace("-", "_", StringComparison.Ordinal), "http://127.0.0.1:1/", translation.Sdl)]);

        Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors.Select(e => e.ToString())));
        Assert.NotNull(result.SupergraphSdl);
    }

    internal static async Task<ApiTranslation> TranslateAsync(string document)
    {
        var path = Path.Combine(SourceFolder(), "Documents", document + ".json");
        return OpenApiTranslator.Translate(await OpenApiDocuments.LoadAsync(path), path);
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
