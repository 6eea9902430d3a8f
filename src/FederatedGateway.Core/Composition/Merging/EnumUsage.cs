using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Merging;

/// <summary>Where the merged schema uses each enum: an example input coordinate and an example output coordinate, null when unused that way.</summary>
internal sealed class EnumUsage
{
    private readonly Dictionary<string, (string? Input, string? Output)> _usage = new(StringComparer.Ordinal);

    public EnumUsage(MergedSchema schema)
    {
        foreach (var type in schema.Types.Values)
        {
            foreach (var field in type.Fields)
            {
                Use(schema, field.Type.NamedType, $"{type.Name}.{field.Name}", type.Kind == TypeKind.InputObject);
                foreach (var argument in field.Arguments)
                {
                    Use(schema, argument.Type.NamedType, $"{type.Name}.{field.Name}({argument.Name}:)", true);
                }
            }
        }
    }

    public (string? Input, string? Output) Of(string enumName) => _usage.GetValueOrDefault(enumName);

    private void Use(MergedSchema schema, string typeName, string coordinate, bool input)
    {
        if (schema.Type(typeName)?.Kind != TypeKind.Enum)
        {
            return;
        }

        var (i, o) = _usage.GetValueOrDefault(typeName);
        _usage[typeName] = input ? (i ?? coordinate, o) : (i, o ?? coordinate);
    }
}
