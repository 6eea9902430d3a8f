using System.Text;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Tests.Generation;

/// <summary>
/// Generates random query operations over a supergraph's API schema (seeded, so runs repeat): field subsets,
/// aliases, arguments, inline and named fragments, abstract types, <c>__typename</c>, <c>@skip</c>/<c>@include</c>
/// with literals and variables.
/// </summary>
internal sealed class OperationGenerator
{
    private readonly FederatedSchema _schema;
    private readonly Random _random;
    private readonly StringBuilder _fragments = new();
    private int _aliases;
    private int _fragmentCount;
    private bool _usesVariable;

    public OperationGenerator(FederatedSchema schema, int seed)
    {
        _schema = schema;
        _random = new Random(seed);
    }

    public string Next(int maxDepth = 4)
    {
        _fragments.Clear();
        _aliases = 0;
        _fragmentCount = 0;
        _usesVariable = false;
        var body = SelectionSet(_schema.QueryType, maxDepth, root: true);
        var head = _usesVariable ? "query Generated($flag: Boolean = true) " : "query Generated ";
        return head + body + "\n" + _fragments;
    }

    private string SelectionSet(string typeName, int depth, bool root = false)
    {
        var type = _schema.GetType(typeName);
        var sb = new StringBuilder("{ ");
        if (type.IsAbstract)
        {
            if (_random.Next(3) > 0)
            {
                sb.Append("__typename ");
            }

            if (type.Kind == TypeKind.Interface)
            {
                AppendFields(sb, type, depth, 1 + _random.Next(2));
            }

            var possible = _schema.PossibleTypes(typeName).Where(Visible).ToList();
            foreach (var concrete in possible.OrderBy(_ => _random.Next()).Take(1 + _random.Next(Math.Max(1, possible.Count))))
            {
                AppendFragment(sb, concrete, depth);
            }

            if (sb.Length == 2)
            {
                sb.Append("__typename ");
            }
        }
        else
        {
            AppendFields(sb, type, depth, root ? 1 + _random.Next(3) : 1 + _random.Next(4));
            if (!root && _random.Next(5) == 0)
            {
                sb.Append("__typename ");
            }

            if (!root && _random.Next(6) == 0)
            {
                AppendFragment(sb, typeName, depth);
            }
        }

        return sb.Append('}').ToString();
    }

    private void AppendFragment(StringBuilder sb, string typeName, int depth)
    {
        var inner = SelectionSet(typeName, depth);
        switch (_random.Next(3))
        {
            case 0 when _fragmentCount < 4:
                var name = "F" + _fragmentCount++;
                _fragments.Append("fragment ").Append(name).Append(" on ").Append(typeName).Append(' ').Append(inner).Append('\n');
                sb.Append("...").Append(name).Append(' ');
                break;
            default:
                sb.Append("... on ").Append(typeName).Append(Condition()).Append(' ').Append(inner).Append(' ');
                break;
        }
    }

    private void AppendFields(StringBuilder sb, SchemaType type, int depth, int count)
    {
        var candidates = type.FieldOrder.Select(n => type.Fields[n]).Where(f => ApiSchemaPrinter.IsVisible(_schema, f) && ArgumentsPossible(f)).ToList();
        var leaves = candidates.Where(f => _schema.GetType(f.Type.NamedType).IsLeaf).ToList();
        var pool = depth <= 0 ? leaves : candidates;
        if (pool.Count == 0)
        {
            sb.Append("__typename ");
            return;
        }

        foreach (var field in pool.OrderBy(_ => _random.Next()).Take(count))
        {
            // Aliases are unique, so repeated fields never have to merge.
            if (_random.Next(3) == 0)
            {
                sb.Append('a').Append(_aliases++).Append(": ");
            }

            sb.Append(field.Name).Append(Arguments(field)).Append(Condition()).Append(' ');
            var named = _schema.GetType(field.Type.NamedType);
            if (named.IsComposite)
            {
                sb.Append(SelectionSet(named.Name, depth - 1)).Append(' ');
            }
        }
    }

    private string Condition()
    {
        switch (_random.Next(10))
        {
            case 0:
                _usesVariable = true;
                return " @include(if: $flag)";
            case 1:
                _usesVariable = true;
                return " @skip(if: $flag)";
            case 2:
                return " @include(if: true)";
            default:
                return string.Empty;
        }
    }

    private bool ArgumentsPossible(SchemaField field) =>
        field.Arguments.All(a => !a.Type.IsNonNull || a.DefaultValue is not null || Value(a.Type, 0) is not null);

    private string Arguments(SchemaField field)
    {
        var parts = new List<string>();
        foreach (var argument in field.Arguments)
        {
            if (argument.Inaccessible || (!argument.Type.IsNonNull && _random.Next(2) == 0) || (argument.DefaultValue is not null && _random.Next(2) == 0))
            {
                continue;
            }

            var value = Value(argument.Type, 0);
            if (value is not null)
            {
                parts.Add(argument.Name + ": " + value);
            }
        }

        return parts.Count == 0 ? string.Empty : "(" + string.Join(", ", parts) + ")";
    }

    private string? Value(TypeRef type, int depth)
    {
        var nullable = type.Nullable;
        if (nullable.IsList)
        {
            var item = Value(nullable.OfType!, depth);
            return item is null ? null : "[" + item + "]";
        }

        var named = _schema.GetType(nullable.Name!);
        return named.Kind switch
        {
            TypeKind.Enum => named.EnumValues.FirstOrDefault(v => !v.Inaccessible)?.Name,
            TypeKind.InputObject when depth < 3 => InputObject(named, depth),
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

    private string? InputObject(SchemaType type, int depth)
    {
        var parts = new List<string>();
        foreach (var field in type.InputFields)
        {
            if (field.Inaccessible || (!field.Type.IsNonNull || field.DefaultValue is not null))
            {
                continue;
            }

            var value = Value(field.Type, depth + 1);
            if (value is null)
            {
                return null;
            }

            parts.Add(field.Name + ": " + value);
        }

        return "{" + string.Join(", ", parts) + "}";
    }

    private bool Visible(string typeName) => _schema.FindType(typeName) is { Inaccessible: false };
}
