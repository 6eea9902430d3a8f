using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Tests.Infrastructure;

/// <summary>The test services' schemas, translated from their generated descriptors.</summary>
public static class TestSchemas
{
    public static GrpcSchema Kitchen(TranslationOptions? options = null) =>
        GrpcSchemaTranslator.Translate(ProtoFiles.FromGenerated([Tests.Kitchen.KitchenReflection.Descriptor]), options);

    public static GrpcSchema Market(TranslationOptions? options = null) =>
        GrpcSchemaTranslator.Translate(ProtoFiles.FromGenerated([Tests.Market.MarketReflection.Descriptor]), options);

    public static GrpcSchema ShapesAsTheGatewaySeesThem() =>
        GrpcSchemaTranslator.Translate(ProtoFiles.FromGenerated([Tests.Shapes.Client.ShapeClientReflection.Descriptor]));
}
