using FederatedGateway.Core.Schema;

namespace FederatedGateway.Testing.Generation;

/// <summary>Makes up a valid GraphQL literal for an input type (first enum value, 1, 1.5, true, "1", nested input objects).</summary>
public static class ArgumentLiterals
{
    private const int MaxInputDepth = 3;

    /// <summary>A literal of <paramref name="type"/>, or null when none can be made (e.g. a too deep input object).</summary>
    public static string? For(FederatedSchema schema, TypeRef type) => For(schema, type, 0);

    private static string? For(FederatedSchema schema, TypeRef type, int depth)
    {
        var nullable = type.Nullable;
        if (nullable.IsList)
        {
            var item = For(schema, nullable.OfType!, depth);
            return item is null ? null : "[" + item + "]";
        }

        var named = schema.GetType(nullable.Name!);
        return named.Kind switch
        {
            TypeKind.Enum => named.EnumValues.FirstOrDefault(v => !v.Inaccessible)?.Name,
            TypeKind.InputObject when depth < MaxInputDepth => InputObject(schema, named, depth),
            TypeKind.Scalar => named.Name switch
            {
                "Int" => "1",
                "Float" => "1.5",
                "Boolean" => "true",
                _ => "\"1\"",
            },
            _ => null,
        };
    }

    /// <summary>Only the required fields of an input object (optional ones are left to their defaults).</summary>
    private static string? InputObject(FederatedSchema schema, SchemaType type, int depth)
    {
        var parts = new List<string>();
        foreach (var field in type.InputFields)
        {
            if (field.Inaccessible || !field.Type.IsNonNull || field.DefaultValue is not null)
            {
                continue;
            }

            var value = For(schema, field.Type, depth + 1);
            if (value is null)
            {
                return null;
            }

            parts.Add(field.Name + ": " + value);
        }

        return "{" + string.Join(", ", parts) + "}";
    }
}
