using FederatedGateway.Core.Composition;
using FederatedGateway.Soap.Translation;
using FederatedGateway.Soap.Wsdl;

namespace FederatedGateway.Soap.Tests;

/// <summary>
/// WSDLs of different styles (Wsdls/README.md) translated to subgraphs: the SDL is the golden (Goldens/*.graphql;
/// set FGW_UPDATE_GOLDENS=1 to rewrite after a deliberate change, then read the diff), and each composes as a
/// subgraph without errors.
/// </summary>
public sealed class TranslationGoldenTests
{
    public static TheoryData<string> Wsdls => new() { "reference-data", "payments", "fx-rates" };

    [Theory]
    [MemberData(nameof(Wsdls))]
    public async Task The_translated_SDL_is_the_golden(string wsdl)
    {
        var sdl = Translate(wsdl).Api.Sdl;
        var path = Path.Combine(SourceFolder(), "Goldens", wsdl + ".graphql");
        if (Environment.GetEnvironmentVariable("FGW_UPDATE_GOLDENS") == "1")
        {
            await File.WriteAllTextAsync(path, sdl);
        }

        Assert.Equal(await File.ReadAllTextAsync(path), sdl);
    }

    [Theory]
    [MemberData(nameof(Wsdls))]
    public void The_translation_composes_as_a_subgraph(string wsdl)
    {
        var result = SupergraphComposer.Compose([new SubgraphSource(wsdl.Replace("-", "_", StringComparison.Ordinal), "http://127.0.0.1:1/", Translate(wsdl).Api.Sdl)]);

        Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors.Select(e => e.ToString())));
        Assert.NotNull(result.SupergraphSdl);
    }

    internal static SoapTranslation Translate(string wsdl, FederatedGateway.OpenApi.Translation.ApiTranslationOptions? options = null)
    {
        using var content = File.OpenRead(PathOf(wsdl));
        return WsdlTranslator.Translate(WsdlReader.Read(content, wsdl + ".wsdl"), options);
    }

    internal static string PathOf(string wsdl) => Path.Combine(SourceFolder(), "Wsdls", wsdl + ".wsdl");

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
