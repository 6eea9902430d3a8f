namespace FederatedGateway.Execution.Execution;

/// <summary>An immutable response path (shared tails), turned into an array only when an error needs it.</summary>
internal sealed class ResponsePath
{
    public static readonly ResponsePath Root = new(null, null);

    private ResponsePath(ResponsePath? parent, object? segment)
    {
        Parent = parent;
        Segment = segment;
        Length = parent is null ? 0 : parent.Length + 1;
    }

    public ResponsePath? Parent { get; }

    /// <summary>A response name (string) or a list index (int).</summary>
    public object? Segment { get; }

    public int Length { get; }

    public ResponsePath Append(string name) => new(this, name);

    public ResponsePath Append(int index) => new(this, index);

    public object[] ToArray()
    {
        var array = new object[Length];
        for (var p = this; p.Parent is not null; p = p.Parent)
        {
            array[p.Length - 1] = p.Segment!;
        }

        return array;
    }
}
