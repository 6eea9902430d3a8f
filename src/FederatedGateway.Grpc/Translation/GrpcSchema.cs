namespace FederatedGateway.Grpc.Translation;

/// <summary>
/// A gRPC source translated to the graph: the Federation 2 subgraph SDL handed to the composer and the bindings
/// the gateway's gRPC client executes fetches with. Immutable; built once per source by <see cref="GrpcSchemaTranslator"/>.
/// </summary>
public sealed class GrpcSchema
{
    internal GrpcSchema(
        string sdl,
        string origin,
        TranslationOptions options,
        IReadOnlyDictionary<string, RpcBinding> rootFields,
        IReadOnlyDictionary<string, ProtoMessage> objectTypes,
        IReadOnlyDictionary<string, EntityBinding> entities,
        IReadOnlyDictionary<string, ProtoMessage> messagesByFullName,
        IReadOnlyList<RpcBinding>? rpcs = null)
    {
        Rpcs = rpcs ?? rootFields.Values.ToList();
        Sdl = sdl;
        Origin = origin;
        Options = options;
        RootFields = rootFields;
        ObjectTypes = objectTypes;
        Entities = entities;
        MessagesByFullName = messagesByFullName;
    }

    /// <summary>The subgraph SDL (Federation 2, <c>@link</c>ed).</summary>
    public string Sdl { get; }

    public string Origin { get; }

    public TranslationOptions Options { get; }

    /// <summary>Root field name → RPC, keyed <c>Query.name</c>, <c>Mutation.name</c>, <c>Subscription.name</c>.</summary>
    public IReadOnlyDictionary<string, RpcBinding> RootFields { get; }

    /// <summary>GraphQL object type name → message (oneof wrapper members included).</summary>
    public IReadOnlyDictionary<string, ProtoMessage> ObjectTypes { get; }

    /// <summary>Entity type name → binding.</summary>
    public IReadOnlyDictionary<string, EntityBinding> Entities { get; }

    /// <summary>Every message of the source's files by full name (to decode <c>Any</c>).</summary>
    public IReadOnlyDictionary<string, ProtoMessage> MessagesByFullName { get; }

    /// <summary>What each line of <see cref="Sdl"/> was made from (a message, field or RPC and its proto file), for diagnostics.</summary>
    public IReadOnlyList<string?> LineOrigins { get; init; } = [];

    /// <summary>Every RPC of the translated services, those left out of the graph (SKIP, client streaming) included.</summary>
    public IReadOnlyList<RpcBinding> Rpcs { get; }

    public RpcBinding? FindRootField(RootKind kind, string name) =>
        RootFields.GetValueOrDefault(kind + "." + name);
}
