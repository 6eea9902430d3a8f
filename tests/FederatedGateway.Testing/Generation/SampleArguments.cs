namespace FederatedGateway.Testing.Generation;

/// <summary>
/// GraphQL literals to use for arguments, keyed <c>Type.field.arg</c> or just <c>arg</c>. Arguments without
/// samples get a literal made up from their type (see <see cref="ArgumentLiterals"/>).
/// </summary>
public sealed class SampleArguments
{
    private readonly Dictionary<string, string[]> _values = new(StringComparer.Ordinal);

    public static SampleArguments None { get; } = new();

    /// <summary>Adds GraphQL literals (e.g. <c>"t1"</c> with quotes) for an argument.</summary>
    public SampleArguments Add(string key, params string[] literals)
    {
        _values[key] = literals;
        return this;
    }

    public string[]? Find(string type, string field, string arg) =>
        _values.TryGetValue($"{type}.{field}.{arg}", out var v) ? v
        : _values.TryGetValue(arg, out v) ? v : null;
}
