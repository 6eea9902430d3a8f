namespace FederatedGateway.Core.Composition.Subgraphs;

/// <summary>Maps character offsets of an SDL to 1-based line and column.</summary>
internal sealed class SdlLines
{
    private readonly List<int> _lineStarts = new() { 0 };

    public SdlLines(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public (int Line, int Column) Position(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, offset - _lineStarts[index] + 1);
    }
}
