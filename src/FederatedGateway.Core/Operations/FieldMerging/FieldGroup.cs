using GraphQL.Types;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// The fields of one merged selection set that share a response name, as distinct variants. Most response names
/// occur once: their arguments are only printed into a key (see <see cref="ArgumentsKey"/>) when a second
/// occurrence has to be told apart from the first.
/// </summary>
internal sealed class FieldGroup
{
    private readonly ArgumentsKey _arguments;
    private readonly List<FieldVariant> _variants = new(1);
    private Dictionary<VariantKey, FieldVariant>? _byKey;

    public FieldGroup(string responseName, ArgumentsKey arguments)
    {
        ResponseName = responseName;
        _arguments = arguments;
    }

    public string ResponseName { get; }

    public IReadOnlyList<FieldVariant> Variants => _variants;

    public void Add(SelectionPosition position, IGraphType parentType, GraphQLField field, FieldType definition)
    {
        if (_variants.Count == 0)
        {
            var only = new FieldVariant(new VariantKey(position, parentType, definition.Name, null), field, definition);
            only.Add(field);
            _variants.Add(only);
            return;
        }

        if (_byKey is null)
        {
            var first = _variants[0];
            first.Key = first.Key with { Arguments = _arguments.Of(first.Field.Arguments) };
            _byKey = new Dictionary<VariantKey, FieldVariant> { [first.Key] = first };
        }

        var key = new VariantKey(position, parentType, definition.Name, _arguments.Of(field.Arguments));
        if (!_byKey.TryGetValue(key, out var variant))
        {
            variant = new FieldVariant(key, field, definition);
            _byKey[key] = variant;
            _variants.Add(variant);
        }

        variant.Add(field);
    }
}
