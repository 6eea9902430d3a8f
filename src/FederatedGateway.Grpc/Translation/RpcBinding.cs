using Google.Protobuf.Reflection;

namespace FederatedGateway.Grpc.Translation;

/// <summary>One RPC as a root field: which method to call and how its request and response map to GraphQL.</summary>
public sealed class RpcBinding
{
    internal RpcBinding(MethodDescriptor method, string fieldName, RootKind kind, ProtoMessage request, ProtoMessage response)
    {
        Method = method;
        FieldName = fieldName;
        Kind = kind;
        Request = request;
        Response = response;
        ServiceName = method.Service.FullName;
        MethodName = method.Name;
        FullMethod = "/" + ServiceName + "/" + MethodName;
    }

    public MethodDescriptor Method { get; }

    /// <summary>The GraphQL root field name (camelCase, or <c>(fgw.method).graphql_name</c>).</summary>
    public string FieldName { get; }

    public RootKind Kind { get; }

    /// <summary>The request message; its fields (and oneofs) are the field's arguments.</summary>
    public ProtoMessage Request { get; }

    /// <summary>The response message: the field's object type, or <c>Boolean</c> when it is <c>google.protobuf.Empty</c>.</summary>
    public ProtoMessage Response { get; }

    public bool ReturnsEmpty => Response.FullName == "google.protobuf.Empty";

    /// <summary>
    /// When the response is unwrapped (idiomatic style): its only field, whose value is the root field's value.
    /// </summary>
    public ProtoField? ResponseField { get; internal init; }

    public string ServiceName { get; }

    public string MethodName { get; }

    /// <summary><c>/package.Service/Method</c>, the HTTP/2 path of the call.</summary>
    public string FullMethod { get; }

    /// <summary>Reads never change state: retried on transient failures.</summary>
    public bool IsIdempotent => Kind != RootKind.Mutation;

    public override string ToString() => FullMethod;
}
