using System.Text;
using BenchmarkDotNet.Attributes;
using FederatedGateway.Grpc.Codec;
using Google.Protobuf;

namespace FederatedGateway.Benchmarks;

/// <summary>
/// The gRPC codec's wire layer, ours (<see cref="WireScanner"/>, <see cref="ProtoWriter"/>) side by side with
/// Google.Protobuf's <see cref="CodedInputStream"/> and <see cref="CodedOutputStream"/>, on one answer of 50 quotes
/// (symbol, bid, ask, volume, an exchange message, flags; about 2.5 KB) read the way <see cref="ProtoJsonWriter"/>
/// reads it: each selected field is the last occurrence of its number, found by a scan of its message; and on
/// writing the same message as <see cref="ProtoEncoder"/> writes one (nested messages into their own buffer, then
/// length-prefixed).
/// </summary>
[MemoryDiagnoser]
public class WireCodecBenchmarks
{
    private static readonly int[] QuoteFields = [1, 2, 3, 4, 6];
    private static readonly int[] ExchangeFields = [1, 2];
    private static readonly byte[][] Symbols = Enumerable.Range(0, 50).Select(i => Encoding.UTF8.GetBytes($"SYM{i:D3}")).ToArray();
    private static readonly byte[] ExchangeCode = Encoding.UTF8.GetBytes("XNYS");
    private static readonly ByteString[] SymbolStrings = Symbols.Select(s => UnsafeByteOperations.UnsafeWrap(s)).ToArray();
    private static readonly ByteString ExchangeCodeString = UnsafeByteOperations.UnsafeWrap(ExchangeCode);

    private byte[] _answer = [];

    [GlobalSetup]
    public void Setup() => _answer = EncodeWithCodedOutputStream();

    [Benchmark(Baseline = true)]
    public ulong ReadHandWritten()
    {
        ulong sum = 0;
        var answer = _answer.AsSpan();
        var quotes = new WireScanner(answer);
        while (quotes.Next(out var quote))
        {
            var message = answer.Slice(quote.Start, quote.Length);
            foreach (var number in QuoteFields)
            {
                if (WireScanner.TryFindLast(message, number, out var field))
                {
                    sum += field.Scalar + (ulong)field.Length;
                }
            }

            if (WireScanner.TryFindLast(message, 5, out var exchange))
            {
                var nested = message.Slice(exchange.Start, exchange.Length);
                foreach (var number in ExchangeFields)
                {
                    if (WireScanner.TryFindLast(nested, number, out var field))
                    {
                        sum += field.Scalar + (ulong)field.Length;
                    }
                }
            }
        }

        return sum;
    }

    [Benchmark]
    public ulong ReadCodedInputStream()
    {
        ulong sum = 0;
        var quotes = new CodedInputStream(_answer);
        while (!quotes.IsAtEnd)
        {
            quotes.ReadTag();
            var start = (int)quotes.Position;
            quotes.SkipLastField();
            var (offset, length) = Body(_answer, start, (int)quotes.Position - start);
            foreach (var number in QuoteFields)
            {
                sum += FindLast(_answer, offset, length, number, out _);
            }

            if (FindLast(_answer, offset, length, 5, out var exchange) > 0)
            {
                foreach (var number in ExchangeFields)
                {
                    sum += FindLast(_answer, exchange.Offset, exchange.Length, number, out _);
                }
            }
        }

        return sum;
    }

    [Benchmark]
    public int WriteHandWritten()
    {
        using var writer = new ProtoWriter();
        foreach (var symbol in Symbols)
        {
            using var quote = new ProtoWriter();
            quote.WriteTag(1, WireType.LengthDelimited);
            quote.WriteLengthDelimited(symbol);
            quote.WriteTag(2, WireType.Fixed64);
            quote.WriteFixed64(BitConverter.DoubleToUInt64Bits(101.25));
            quote.WriteTag(3, WireType.Fixed64);
            quote.WriteFixed64(BitConverter.DoubleToUInt64Bits(101.5));
            quote.WriteTag(4, WireType.Varint);
            quote.WriteVarint(1_234_567);
            using (var exchange = new ProtoWriter())
            {
                exchange.WriteTag(1, WireType.LengthDelimited);
                exchange.WriteLengthDelimited(ExchangeCode);
                exchange.WriteTag(2, WireType.Varint);
                exchange.WriteVarint(5);
                quote.WriteTag(5, WireType.LengthDelimited);
                quote.WriteLengthDelimited(exchange.Written);
            }

            quote.WriteTag(6, WireType.Fixed32);
            quote.WriteFixed32(7);
            writer.WriteTag(1, WireType.LengthDelimited);
            writer.WriteLengthDelimited(quote.Written);
        }

        return writer.Length;
    }

    [Benchmark]
    public int WriteCodedOutputStream() => EncodeWithCodedOutputStream().Length;

    /// <summary>The same message with Google.Protobuf: sizes computed first (nested lengths), then written once.</summary>
    private static byte[] EncodeWithCodedOutputStream()
    {
        var exchangeSize = 1 + CodedOutputStream.ComputeBytesSize(ExchangeCodeString) + 1 + CodedOutputStream.ComputeInt32Size(5);
        var size = 0;
        foreach (var symbol in Symbols)
        {
            var quoteSize = QuoteSize(symbol.Length, exchangeSize);
            size += 1 + CodedOutputStream.ComputeLengthSize(quoteSize) + quoteSize;
        }

        var buffer = new byte[size];
        var output = new CodedOutputStream(buffer);
        foreach (var symbol in SymbolStrings)
        {
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteLength(QuoteSize(symbol.Length, exchangeSize));
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(symbol);
            output.WriteTag(2, WireFormat.WireType.Fixed64);
            output.WriteDouble(101.25);
            output.WriteTag(3, WireFormat.WireType.Fixed64);
            output.WriteDouble(101.5);
            output.WriteTag(4, WireFormat.WireType.Varint);
            output.WriteInt64(1_234_567);
            output.WriteTag(5, WireFormat.WireType.LengthDelimited);
            output.WriteLength(exchangeSize);
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ExchangeCodeString);
            output.WriteTag(2, WireFormat.WireType.Varint);
            output.WriteInt32(5);
            output.WriteTag(6, WireFormat.WireType.Fixed32);
            output.WriteFixed32(7);
        }

        output.Flush();
        return buffer;
    }

    private static int QuoteSize(int symbolLength, int exchangeSize) =>
        1 + CodedOutputStream.ComputeLengthSize(symbolLength) + symbolLength + 9 + 9 + 1 + CodedOutputStream.ComputeInt64Size(1_234_567)
        + 1 + CodedOutputStream.ComputeLengthSize(exchangeSize) + exchangeSize + 5;

    /// <summary>The body of a length-delimited field whose length prefix starts at <paramref name="start"/>.</summary>
    private static (int Offset, int Length) Body(byte[] buffer, int start, int prefixAndBody)
    {
        var prefix = new CodedInputStream(buffer, start, prefixAndBody);
        var length = prefix.ReadLength();
        return (start + prefixAndBody - length, length);
    }

    /// <summary>A scan of one message for the last occurrence of <paramref name="number"/>: its scalar or its length (0 when absent).</summary>
    private static ulong FindLast(byte[] buffer, int offset, int length, int number, out (int Offset, int Length) body)
    {
        body = default;
        ulong found = 0;
        var input = new CodedInputStream(buffer, offset, length);
        var origin = input.Position;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var wireType = WireFormat.GetTagWireType(tag);
            if (WireFormat.GetTagFieldNumber(tag) != number)
            {
                input.SkipLastField();
                continue;
            }

            switch (wireType)
            {
                case WireFormat.WireType.Varint:
                    found = input.ReadUInt64();
                    break;
                case WireFormat.WireType.Fixed64:
                    found = input.ReadFixed64();
                    break;
                case WireFormat.WireType.Fixed32:
                    found = input.ReadFixed32();
                    break;
                default:
                    var start = (int)(input.Position - origin);
                    input.SkipLastField();
                    body = Body(buffer, offset + start, (int)(input.Position - origin) - start);
                    found = (ulong)body.Length;
                    break;
            }
        }

        return found;
    }
}
