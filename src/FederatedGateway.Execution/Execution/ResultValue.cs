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

    private ResultValue(object value, int sharedMark)
    {
        Ref = value;
        _length = sharedMark;
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

    /// <summary>
    /// An object or list this reference does not own: other positions or requests hold it too (an answer merged into
    /// several objects, or one shared by de-duplicated fetches), so whoever would change it changes a copy instead
    /// (see <see cref="ResultMerger"/>). Its own object and list values are shared too, whatever their marks.
    /// </summary>
    public bool IsShared => _length < 0;

    /// <summary>This value marked <see cref="IsShared"/> when it is an object or a list; leaves and null as they are.</summary>
    public ResultValue AsShared() => Ref is ResultObject or List<ResultValue> ? new ResultValue(Ref, -1) : this;

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
