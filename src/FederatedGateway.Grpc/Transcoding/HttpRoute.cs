using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Transcoding;

/// <summary>
/// One RPC served as a JSON/HTTP route: its method and path template, which request field the body fills
/// (<c>*</c>: the whole request; empty: no body), and which response field is the body (empty: the whole response).
/// </summary>
public sealed record HttpRoute(string Subgraph, RpcBinding Rpc, string HttpMethod, PathTemplate Path, string Body, string ResponseBody);
