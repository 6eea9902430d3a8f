using GraphQL.Types;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Operations;

/// <summary>The fields of one merged selection set that share a response name, as distinct variants.</summary>
internal sealed class FieldGroup
{
    private readonly Dictionary<VariantKey, FieldVariant> _byKey = new();
    private readonly List<FieldVariant> _variants = new();

    public FieldGroup(string responseName)
    {
        ResponseName = responseName;
    }

    public string ResponseName { get; }

    public IReadOnlyList<FieldVariant> Variants => _variants;

    public void Add(VariantKey key, GraphQLField field, FieldType definition)
    {
        if (!_byKey.TryGetValue(key, out var variant))
        {
            variant = new FieldVariant(key, field, definition);
            _byKey[key] = variant;
            _variants.Add(variant);
        }

        variant.Add(field);
    }
}
