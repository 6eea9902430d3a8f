using FederatedGateway.Grpc.Tests.Greeter;
using Grpc.Core;

namespace FederatedGateway.Grpc.Tests.Services;

public sealed class GreeterService : Greeter.Greeter.GreeterBase
{
    public override Task<HelloReply> GetGreeting(HelloRequest request, ServerCallContext context) =>
        Task.FromResult(new HelloReply { Message = "Hello " + request.Name });
}
