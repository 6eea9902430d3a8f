using System.Text;
using System.Text.Json;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// A value of the merged result, without a heap object per leaf: <see cref="Ref"/> is a <see cref="ResultObject"/>,
/// a <see cref="List{T}"/> of values, null, or — for a leaf — the UTF-8 answer buffer that holds it, with the
/// leaf's raw JSON token at <c>[start, start + length)</c> (strings with their quotes and the subgraph's own
/// escaping). The buffer belongs to the request's <see cref="ExecutionState"/> and stays valid until it is disposed.
/// </summary>
internal readonly struct ResultValue
{
    private readonly int _start;
    private readonly int _length;

    public ResultValue(ResultObject value)
    {
        Ref = value;
    }

    public ResultValue(List<ResultValue> value)
    {
        Ref = value;
    }

    /// <summary>A leaf: the raw JSON token <paramref name="buffer"/>[start..start+length] (never <c>null</c>).</summary>
    public ResultValue(byte[] buffer, int start, int length)
    {
        Ref = buffer;
        _start = start;
        _length = length;
    }

    /// <summary>The object, the list, the leaf's buffer, or null.</summary>
    public object? Ref { get; }

    public bool IsNull => Ref is null;

    /// <summary>The leaf's raw JSON token (empty for anything but a leaf).</summary>
    public ReadOnlySpan<byte> Raw => Ref is byte[] buffer ? buffer.AsSpan(_start, _length) : default;

    /// <summary>True for a leaf that is a JSON string.</summary>
    public bool IsString => Ref is byte[] buffer && _length > 0 && buffer[_start] == (byte)'"';

    public static implicit operator ResultValue(ResultObject value) => new(value);

    public static implicit operator ResultValue(List<ResultValue> value) => new(value);

    /// <summary>The value of a string leaf, unescaped (null for anything else).</summary>
    public string? GetString()
    {
        if (!IsString)
        {
            return null;
        }

        var reader = new Utf8JsonReader(Raw);
        reader.Read();
        return reader.GetString();
    }

    /// <summary>The leaf's JSON text as the subgraph sent it (for messages).</summary>
    public string RawText() => Encoding.UTF8.GetString(Raw);
}
