namespace FederatedGateway.Execution.Execution;

/// <summary>
/// The response path of the position a walk over the data is at, kept as a stack (nothing allocated per step);
/// turned into an array only when an error needs it.
/// </summary>
internal sealed class PathStack
{
    private string?[] _names = new string?[16];
    private int[] _indices = new int[16];
    private int _count;

    public void Push(string name)
    {
        Grow();
        _names[_count] = name;
        _count++;
    }

    public void Push(int index)
    {
        Grow();
        _names[_count] = null;
        _indices[_count] = index;
        _count++;
    }

    public void Pop() => _count--;

    /// <summary>The path: response names as strings, list indices as ints.</summary>
    public object[] ToArray()
    {
        var array = new object[_count];
        for (var i = 0; i < _count; i++)
        {
            array[i] = _names[i] ?? (object)_indices[i];
        }

        return array;
    }

    private void Grow()
    {
        if (_count == _names.Length)
        {
            Array.Resize(ref _names, _count * 2);
            Array.Resize(ref _indices, _count * 2);
        }
    }
}
