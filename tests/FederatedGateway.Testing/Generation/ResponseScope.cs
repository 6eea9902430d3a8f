namespace FederatedGateway.Testing.Generation;

/// <summary>
/// The response names of one place in the response (a selection set with all its fragments, and every field
/// node merged into it), each bound to what it means there: the same name may then mean different fields at
/// different places (an alias equal to a key field's name here, the key itself elsewhere), never within one.
/// </summary>
internal sealed class ResponseScope
{
    private readonly Dictionary<string, string> _meanings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResponseScope> _children = new(StringComparer.Ordinal);

    /// <summary>Binds <paramref name="responseName"/> to <paramref name="meaning"/>; false when it means something else here.</summary>
    public bool Claim(string responseName, string meaning)
    {
        if (_meanings.TryGetValue(responseName, out var bound))
        {
            return bound == meaning;
        }

        _meanings[responseName] = meaning;
        return true;
    }

    /// <summary>The place of the sub-selection of the field named <paramref name="responseName"/> (shared by every node of that name).</summary>
    public ResponseScope Child(string responseName)
    {
        if (!_children.TryGetValue(responseName, out var child))
        {
            child = new ResponseScope();
            _children[responseName] = child;
        }

        return child;
    }
}
