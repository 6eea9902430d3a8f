using System.Text.Json;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// An entity fetch's representations for objects whose key is flat (plain fields, the usual <c>id</c> or
/// <c>upc sku</c>), prepared once per <c>__typename</c> and written as bytes: the constant parts
/// (<c>{"__typename":"Product","upc":</c>) are copied, the values are the raw tokens of the subgraph answers that hold
/// them. Everything else (a key with sub-selections, a value that is not a raw token or null) goes to
/// <see cref="RepresentationWriter"/>, which decides the same way. Owned by the fetch's
/// <see cref="Compilation.CompiledFetch"/>, so it is prepared once per prepared operation; written without a lock
/// (two requests racing prepare equal entries and one is kept).
/// </summary>
internal sealed class FlatRepresentations
{
    /// <summary>Typenames prepared per fetch (an interface's implementations); objects of others go the general way.</summary>
    private const int MaxTypenames = 16;

    private static readonly byte[] s_null = "null"u8.ToArray();

    private readonly IReadOnlyList<EntityRequirement> _requirements;
    private Entry[] _entries = [];

    public FlatRepresentations(IReadOnlyList<EntityRequirement> requirements)
    {
        _requirements = requirements;
    }

    /// <summary>What writing a representation of one object came to.</summary>
    public enum Outcome
    {
        /// <summary>Written into the buffer.</summary>
        Written,

        /// <summary>The object matches no requirement, or a key value is missing or null where the schema forbids it: no representation.</summary>
        None,

        /// <summary>Not a flat key or not a plain value: nothing written, the caller writes it the general way.</summary>
        General,
    }

    /// <summary>Writes the representation of <paramref name="obj"/> (of <paramref name="typename"/>) into <paramref name="buffer"/>.</summary>
    public Outcome TryWrite(PooledBufferWriter buffer, FederatedSchema schema, ResultObject obj, string typename)
    {
        var key = Find(schema, typename);
        if (key is null)
        {
            return Outcome.General;
        }

        if (key.Fields is null)
        {
            return Outcome.None;
        }

        var mark = buffer.WrittenCount;
        Append(buffer, key.Prefix);
        foreach (var field in key.Fields)
        {
            var index = obj.IndexOf(field.ResponseName);
            if (index < 0)
            {
                buffer.ResetTo(mark);
                return Outcome.None;
            }

            var value = obj.ValueAt(index);
            Append(buffer, field.Property);
            switch (value.Ref)
            {
                case byte[]:
                    Append(buffer, value.Raw);
                    break;
                case null when field.NonNull:
                    buffer.ResetTo(mark);
                    return Outcome.None;
                case null:
                    Append(buffer, s_null);
                    break;
                default:
                    buffer.ResetTo(mark);
                    return Outcome.General;
            }
        }

        Append(buffer, "}"u8);
        return Outcome.Written;
    }

    /// <summary>
    /// The prepared key of <paramref name="typename"/>; null (the general way) when it is not prepared and
    /// <see cref="MaxTypenames"/> are already, so typenames past that cost no allocation per object.
    /// </summary>
    private FlatKey? Find(FederatedSchema schema, string typename)
    {
        var entries = _entries;
        foreach (var entry in entries)
        {
            // Compares references first: the typenames of answers are shared strings.
            if (string.Equals(entry.Typename, typename))
            {
                return entry.Key;
            }
        }

        if (entries.Length >= MaxTypenames)
        {
            return null;
        }

        var key = Prepare(schema, typename);
        _entries = [.. entries, new Entry(typename, key)];
        return key;
    }

    /// <summary>
    /// The first requirement <paramref name="typename"/> satisfies decides, as in <see cref="RepresentationWriter"/>:
    /// none gives a key without fields (no representation); one that is not flat gives null (the general way).
    /// </summary>
    private FlatKey? Prepare(FederatedSchema schema, string typename)
    {
        foreach (var requirement in _requirements)
        {
            if (!schema.Satisfies(typename, requirement.TypeCondition))
            {
                continue;
            }

            var selections = requirement.Fields.Selections;
            var fields = new List<FlatField>(selections.Count);
            foreach (var selection in selections)
            {
                if (selection is not FieldSelection { SelectionSet: null } field)
                {
                    return null;
                }

                if (field.IsTypename)
                {
                    continue;
                }

                var definition = RepresentationWriter.Definition(schema, field, typename);
                var property = new byte[field.EncodedName.EncodedUtf8Bytes.Length + 4];
                property[0] = (byte)',';
                property[1] = (byte)'"';
                field.EncodedName.EncodedUtf8Bytes.CopyTo(property.AsSpan(2));
                property[^2] = (byte)'"';
                property[^1] = (byte)':';
                fields.Add(new FlatField(field.ResponseName, property, definition?.Type.IsNonNull == true));
            }

            var name = JsonEncodedText.Encode(requirement.RepresentationTypename ?? typename).EncodedUtf8Bytes;
            byte[] prefix = [.. "{\"__typename\":\""u8, .. name, (byte)'"'];
            return new FlatKey(prefix, [.. fields]);
        }

        return new FlatKey([], null);
    }

    private static void Append(PooledBufferWriter buffer, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer.GetSpan(bytes.Length));
        buffer.Advance(bytes.Length);
    }

    private readonly record struct Entry(string Typename, FlatKey? Key);

    private sealed record FlatKey(byte[] Prefix, FlatField[]? Fields);

    private sealed record FlatField(string ResponseName, byte[] Property, bool NonNull);
}
