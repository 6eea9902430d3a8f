using FederatedGateway.Core.Schema;

namespace FederatedGateway.Testing.Generation;

/// <summary>
/// The client-facing part of a supergraph as the generator (and a monolith built over it) sees it: visible
/// types and fields, and every choice of argument values per field.
/// </summary>
public sealed class ApiModel
{
    private readonly Dictionary<string, HashSet<string>> _fieldShapes = new(StringComparer.Ordinal);

    public ApiModel(FederatedSchema schema, SampleArguments? samples = null)
    {
        Schema = schema;
        Samples = samples ?? SampleArguments.None;
        foreach (var type in schema.Types.Values)
        {
            if (!IsVisibleType(type) || type.Kind is not (TypeKind.Object or TypeKind.Interface))
            {
                continue;
            }

            foreach (var field in VisibleFields(type))
            {
                if (!_fieldShapes.TryGetValue(field.Name, out var set))
                {
                    _fieldShapes[field.Name] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(field.Type.ToString());
            }
        }
    }

    public FederatedSchema Schema { get; }

    public SampleArguments Samples { get; }

    public static bool IsVisibleType(SchemaType t) => !t.Inaccessible && !t.IsBuiltIn && !t.Name.StartsWith("__", StringComparison.Ordinal)
        && !t.Name.StartsWith("join__", StringComparison.Ordinal) && !t.Name.StartsWith("link__", StringComparison.Ordinal);

    /// <summary>Fields a client may select, leaving out those whose required arguments cannot be given.</summary>
    public IEnumerable<SchemaField> VisibleFields(SchemaType type)
    {
        foreach (var name in type.FieldOrder)
        {
            var f = type.Fields[name];
            if (f.Name.StartsWith("__", StringComparison.Ordinal) || !ApiSchemaPrinter.IsVisible(Schema, f))
            {
                continue;
            }

            if (f.Arguments.Any(a => a.Type.IsNonNull && a.DefaultValue is null && (a.Inaccessible || ArgumentChoices(type, f, a).Count == 0)))
            {
                continue;
            }

            yield return f;
        }
    }

    public IEnumerable<SchemaArgument> VisibleArguments(SchemaField f) => f.Arguments.Where(a => !a.Inaccessible);

    /// <summary>True when every visible field of this name has the same type (a plain response key never conflicts).</summary>
    public bool IsUniform(string fieldName) => _fieldShapes.TryGetValue(fieldName, out var s) && s.Count == 1;

    public SchemaType Named(TypeRef t) => Schema.GetType(t.NamedType);

    public IReadOnlyList<string> PossibleTypes(SchemaType t) =>
        t.Kind == TypeKind.Object ? new[] { t.Name } : Schema.PossibleTypes(t.Name).Where(n => IsVisibleType(Schema.GetType(n))).ToList();

    /// <summary>Every value choice of an argument as a GraphQL literal; null means "left out".</summary>
    public List<string?> ArgumentChoices(SchemaType parent, SchemaField field, SchemaArgument arg)
    {
        var choices = new List<string?>();
        if (!arg.Type.IsNonNull || arg.DefaultValue is not null)
        {
            choices.Add(null);
        }

        var named = Named(arg.Type);
        if (Samples.Find(parent.Name, field.Name, arg.Name) is { } samples)
        {
            choices.AddRange(samples);
        }
        else if (named.Kind == TypeKind.Enum && !arg.Type.Nullable.IsList)
        {
            choices.AddRange(named.EnumValues.Where(v => !v.Inaccessible).Select(v => v.Name));
        }
        else if (ArgumentLiterals.For(Schema, arg.Type) is { } made)
        {
            choices.Add(made);
        }

        return choices;
    }

    /// <summary>All argument combinations of a field (each a literal-or-null per visible argument).</summary>
    public List<string?[]> ArgumentCombinations(SchemaType parent, SchemaField field)
    {
        var args = VisibleArguments(field).ToList();
        var result = new List<string?[]> { new string?[args.Count] };
        for (var i = 0; i < args.Count; i++)
        {
            var choices = ArgumentChoices(parent, field, args[i]);
            var next = new List<string?[]>();
            foreach (var combo in result)
            {
                foreach (var c in choices)
                {
                    var copy = (string?[])combo.Clone();
                    copy[i] = c;
                    next.Add(copy);
                }
            }

            result = next;
        }

        return result;
    }

    /// <summary>A field's storage key for given argument literals: <c>field|lit1,~</c> (<c>~</c> = left out).</summary>
    public static string StorageKey(string field, IEnumerable<string?> literals) =>
        field + "|" + string.Join(",", literals.Select(l => l ?? "~"));

    /// <summary><c>(a: 1, b: "x")</c> for the given literals, empty when all are left out.</summary>
    public string ArgumentText(SchemaField field, IReadOnlyList<string?> literals)
    {
        var args = VisibleArguments(field).ToList();
        var parts = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (literals[i] is { } l)
            {
                parts.Add($"{args[i].Name}: {l}");
            }
        }

        return parts.Count == 0 ? string.Empty : "(" + string.Join(", ", parts) + ")";
    }
}
