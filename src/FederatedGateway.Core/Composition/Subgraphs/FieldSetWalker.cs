using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Subgraphs;

/// <summary>Walks a field set over a subgraph's types, reporting each selected field (null when the type has no such field).</summary>
internal static class FieldSetWalker
{
    public delegate void Visitor(string typeName, SubgraphField? field);

    public static void Walk(SubgraphSchema schema, string typeName, FieldSet? set, Visitor visit)
    {
        if (set is null)
        {
            return;
        }

        foreach (var item in set.Items)
        {
            if (item.Name is null)
            {
                Walk(schema, item.TypeCondition ?? typeName, item.Children, visit);
                continue;
            }

            if (item.Name == "__typename")
            {
                continue;
            }

            var field = schema.Field(typeName, item.Name);
            visit(typeName, field);
            if (field is not null && item.Children is not null)
            {
                Walk(schema, field.Type.NamedType, item.Children, visit);
            }
        }
    }

    /// <summary>Every field a <c>@key</c>, <c>@requires</c> or <c>@provides</c> of the subgraph selects.</summary>
    public static HashSet<SubgraphField> FieldsUsedByDirectives(SubgraphSchema schema)
    {
        var used = new HashSet<SubgraphField>();
        void Add(string _, SubgraphField? field)
        {
            if (field is not null)
            {
                used.Add(field);
            }
        }

        foreach (var type in schema.Types.Values)
        {
            foreach (var key in type.Keys)
            {
                Walk(schema, type.Name, key.Selection, Add);
            }

            foreach (var field in type.Fields)
            {
                Walk(schema, type.Name, field.RequiresSelection, Add);
                Walk(schema, field.Type.NamedType, field.ProvidesSelection, Add);
            }

            if (type.Kind == TypeKind.Interface)
            {
                foreach (var implementation in schema.Types.Values)
                {
                    if (implementation.Implements.Contains(type.Name))
                    {
                        foreach (var key in type.Keys)
                        {
                            Walk(schema, implementation.Name, key.Selection, Add);
                        }
                    }
                }
            }
        }

        return used;
    }

    /// <summary>Fields used by directives, plus fields an implemented interface of the subgraph declares.</summary>
    public static HashSet<SubgraphField> FieldsInUse(SubgraphSchema schema)
    {
        var used = FieldsUsedByDirectives(schema);
        foreach (var type in schema.Types.Values)
        {
            foreach (var name in type.Implements)
            {
                foreach (var field in type.Fields)
                {
                    if (schema.Field(name, field.Name) is not null)
                    {
                        used.Add(field);
                    }
                }
            }
        }

        return used;
    }
}
