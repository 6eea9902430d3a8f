using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Sources;
using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Tests;

/// <summary>
/// A gRPC service written in Node (@grpc/grpc-js with @grpc/reflection, whose replies carry no dependency lists and
/// merge the well-known types into one file) read through server reflection only: the gateway never sees its proto.
/// </summary>
public sealed class NodeReflectionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("both")]
    [InlineData("v1")]
    [InlineData("v1alpha")]
    public async Task Reflection_gives_the_subgraph_its_proto_would_give(string versions)
    {
        await using var server = await NodeLedgerServer.StartAsync(reflection: versions);
        var fromReflection = await GrpcSourceLoader.LoadAsync(new GrpcSourceDefinition { Reflection = true }, server.Url, Timeout);
        var fromProto = GrpcSchemaTranslator.Translate(ProtoFiles.FromDescriptorSetFile(LedgerDescriptorSet()));
        Assert.Equal(fromProto.Sdl, fromReflection.Sdl);
    }

    /// <summary>The Node service's own proto, compiled by protoc: what the gateway would read from a descriptor set.</summary>
    internal static string LedgerDescriptorSet() =>
        Protoc.BuildDescriptorSet(Path.Combine("ledger", "v1", "ledger.proto"), Path.Combine(NodePackages.Folder, "protos"));
}
