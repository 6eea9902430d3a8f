using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Tests.Infrastructure;

/// <summary>
/// The test services' schemas, translated from their generated descriptors. The tests of the codec, transport and
/// failures address RPCs by their mirror names (<c>getQuote</c>), so these use <see cref="TranslationStyle.Mirror"/>
/// unless told otherwise; the idiomatic style has tests of its own.
/// </summary>
public static class TestSchemas
{
    public static TranslationOptions Mirror { get; } = new() { Style = TranslationStyle.Mirror };

    public static GrpcSchema Kitchen(TranslationOptions? options = null) =>
        GrpcSchemaTranslator.Translate(ProtoFiles.FromGenerated([Tests.Kitchen.KitchenReflection.Descriptor]), options ?? Mirror);

    public static GrpcSchema Market(TranslationOptions? options = null) =>
        GrpcSchemaTranslator.Translate(ProtoFiles.FromGenerated([Tests.Market.MarketReflection.Descriptor]), options ?? Mirror);

    public static GrpcSchema ShapesAsTheGatewaySeesThem() =>
        GrpcSchemaTranslator.Translate(ProtoFiles.FromGenerated([Tests.Shapes.Client.ShapeClientReflection.Descriptor]), Mirror);
}
