using FederatedGateway.Grpc.Options;

namespace FederatedGateway.Grpc.Overlay;

/// <summary>
/// The fgw options of a gRPC source given in <c>supergraph.yaml</c> instead of its protos (so a service joins the
/// graph without touching them): per message, field and method, keyed by the name the config wrote, each with the
/// place it was written for messages.
/// </summary>
public sealed class GrpcOptionsOverlay
{
    public Dictionary<string, OverlayEntry<EntityOptions>> Entities { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, OverlayEntry<MessageOptions>> Messages { get; } = new(StringComparer.Ordinal);

    /// <summary>By message name, then by the field's proto name.</summary>
    public Dictionary<string, Dictionary<string, OverlayEntry<FieldOptions>>> Fields { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, OverlayEntry<MethodOptions>> Methods { get; } = new(StringComparer.Ordinal);

    /// <summary>JSON/HTTP routes of methods (<c>google.api.http</c> rules), by method name.</summary>
    public Dictionary<string, OverlayEntry<Google.Api.HttpRule>> Http { get; } = new(StringComparer.Ordinal);

    /// <summary>Enum values left out of the graph, by enum name.</summary>
    public Dictionary<string, OverlayEntry<IReadOnlyList<string>>> HiddenEnumValues { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Entities.Count == 0 && Messages.Count == 0 && Fields.Count == 0 && Methods.Count == 0 && Http.Count == 0 && HiddenEnumValues.Count == 0;
}

/// <summary>Options for one element, and where the config wrote them (<c>file:line:column</c>).</summary>
public sealed record OverlayEntry<T>(T Options, string Where);
