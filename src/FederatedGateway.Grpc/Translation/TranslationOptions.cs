namespace FederatedGateway.Grpc.Translation;

/// <summary>Choices of the translation. Composition and the runtime must use the same ones for a source.</summary>
public sealed record TranslationOptions
{
    public static TranslationOptions Default { get; } = new();

    /// <summary>
    /// 64-bit integers as JSON numbers instead of strings (the proto3 JSON mapping). Values beyond 2^53 lose
    /// precision in JavaScript clients. The GraphQL scalars stay <c>Int64</c>/<c>UInt64</c>.
    /// </summary>
    public bool Int64AsNumber { get; init; }

    /// <summary>Only these services (full names) become part of the graph; null or empty means all.</summary>
    public IReadOnlyList<string>? Services { get; init; }

    /// <summary>
    /// How close the API stays to the RPCs: <see cref="TranslationStyle.Idiomatic"/> (default) names fields after
    /// what they return and unwraps one-field responses; <see cref="TranslationStyle.Mirror"/> mirrors every RPC.
    /// </summary>
    public TranslationStyle Style { get; init; } = TranslationStyle.Idiomatic;
}
