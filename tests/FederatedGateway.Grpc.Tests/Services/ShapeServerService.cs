using FederatedGateway.Grpc.Tests.Shapes.Server;
using Grpc.Core;

namespace FederatedGateway.Grpc.Tests.Services;

/// <summary>Answers with a message the gateway's descriptors (shape_client.proto) do not match.</summary>
public sealed class ShapeServerService : Shapes.Server.Shapes.ShapesBase
{
    public override Task<ShapeV2> GetShape(GetShapeRequestV2 request, ServerCallContext context) =>
        Task.FromResult(new ShapeV2 { Name = 12345 });
}
