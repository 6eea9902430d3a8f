using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.DifferentialTests;

/// <summary>Sample values for arguments, keyed "Type.field.arg" or just "arg".</summary>
public sealed class SampleArguments
{
    private readonly Dictionary<string, string[]> _values = new(StringComparer.Ordinal);

    /// <summary>Adds GraphQL literals (e.g. <c>"t1"</c> with quotes) for an argument.</summary>
    public SampleArguments Add(string key, params string[] literals)
    {
        _values[key] = literals;
        return this;
    }

    public string[]? Find(string type, string field, string arg) =>
        _values.TryGetValue($"{type}.{field}.{arg}", out var v) ? v
        : _values.TryGetValue(arg, out v) ? v : null;
}

/// <summary>Shared helpers over the API schema (visible elements only).</summary>
public sealed class ApiModel
{
    public ApiModel(FederatedSchema schema, SampleArguments samples)
    {
        Schema = schema;
        Samples = samples;
        foreach (var type in schema.Types.Values)
        {
            if (!IsVisibleType(type) || type.Kind is not (TypeKind.Object or TypeKind.Interface)) continue;
            foreach (var field in VisibleFields(type))
            {
                if (!_fieldShapes.TryGetValue(field.Name, out var set))
                    _fieldShapes[field.Name] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(field.Type.ToString());
            }
        }
    }

    private readonly Dictionary<string, HashSet<string>> _fieldShapes = new(StringComparer.Ordinal);

    public FederatedSchema Schema { get; }

    public SampleArguments Samples { get; }

    public static bool IsVisibleType(SchemaType t) => !t.Inaccessible && !t.IsBuiltIn && !t.Name.StartsWith("__", StringComparison.Ordinal)
        && !t.Name.StartsWith("join__", StringComparison.Ordinal) && !t.Name.StartsWith("link__", StringComparison.Ordinal);

    public IEnumerable<SchemaField> VisibleFields(SchemaType type)
    {
        foreach (var name in type.FieldOrder)
        {
            var f = type.Fields[name];
            if (f.Name.StartsWith("__", StringComparison.Ordinal) || !ApiSchemaPrinter.IsVisible(Schema, f)) continue;
            if (f.Arguments.Any(a => a.Inaccessible && a.Type.IsNonNull)) continue;
            yield return f;
        }
    }

    public IEnumerable<SchemaArgument> VisibleArguments(SchemaField f) => f.Arguments.Where(a => !a.Inaccessible);

    /// <summary>True when every visible field of this name has the same type (plain response key is safe).</summary>
    public bool IsUniform(string fieldName) => _fieldShapes.TryGetValue(fieldName, out var s) && s.Count == 1;

    public SchemaType Named(TypeRef t) => Schema.GetType(t.NamedType);

    public IReadOnlyList<string> PossibleTypes(SchemaType t) =>
        t.Kind == TypeKind.Object ? new[] { t.Name } : Schema.PossibleTypes(t.Name).Where(n => IsVisibleType(Schema.GetType(n))).ToList();

    /// <summary>Every value choice per argument: null = omitted.</summary>
    public List<string?> ArgumentChoices(SchemaType parent, SchemaField field, SchemaArgument arg)
    {
        var choices = new List<string?>();
        if (!arg.Type.IsNonNull) choices.Add(null);
        var named = Named(arg.Type);
        if (named.Kind == TypeKind.Enum)
        {
            choices.AddRange(named.EnumValues.Where(v => !v.Inaccessible).Select(v => v.Name));
        }
        else if (Samples.Find(parent.Name, field.Name, arg.Name) is { } samples)
        {
            choices.AddRange(samples);
        }
        else if (arg.Type.IsNonNull)
        {
            throw new InvalidOperationException($"No sample value for required argument {parent.Name}.{field.Name}({arg.Name}:)");
        }

        return choices;
    }

    /// <summary>All argument combinations of a field (each a list of literal-or-null per visible argument).</summary>
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

    /// <summary>The monolith's storage key of a field with given argument literals.</summary>
    public static string StorageKey(string field, IEnumerable<string?> literals) =>
        field + "|" + string.Join(",", literals.Select(l => l ?? "~"));

    public string ArgumentText(SchemaField field, string?[] literals)
    {
        var args = VisibleArguments(field).ToList();
        var parts = new List<string>();
        for (var i = 0; i < args.Count; i++)
            if (literals[i] is { } l) parts.Add($"{args[i].Name}: {l}");
        return parts.Count == 0 ? "" : "(" + string.Join(", ", parts) + ")";
    }
}

/// <summary>Generates random valid query operations (deterministic for a seed).</summary>
public sealed class OperationGenerator
{
    private readonly ApiModel _model;
    private readonly Random _rng;
    private readonly int _maxDepth;
    private readonly StringBuilder _fragments = new();
    private readonly JsonObject _variables = new();
    private readonly List<string> _variableDefinitions = new();
    private int _fragmentCount;

    public OperationGenerator(ApiModel model, int seed, int maxDepth)
    {
        _model = model;
        _rng = new Random(seed);
        _maxDepth = maxDepth;
    }

    public (string Query, JsonObject Variables) Next()
    {
        _fragments.Clear();
        _variables.Clear();
        _variableDefinitions.Clear();
        _fragmentCount = 0;
        var query = _model.Schema.GetType(_model.Schema.QueryType);
        var body = SelectionSet(query, 0);
        var sb = new StringBuilder("query Q");
        if (_variableDefinitions.Count > 0) sb.Append('(').Append(string.Join(", ", _variableDefinitions)).Append(')');
        sb.Append(' ').Append(body).Append(_fragments);
        var vars = new JsonObject();
        foreach (var kv in _variables) vars[kv.Key] = kv.Value?.DeepClone();
        return (sb.ToString(), vars);
    }

    private bool Chance(double p) => _rng.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> list) => list[_rng.Next(list.Count)];

    private string Directives()
    {
        if (!Chance(0.15)) return "";
        var name = Chance(0.5) ? "skip" : "include";
        string cond;
        if (Chance(0.5))
        {
            cond = Chance(0.5) ? "true" : "false";
        }
        else
        {
            var v = "v" + _variableDefinitions.Count;
            _variableDefinitions.Add($"${v}: Boolean!");
            _variables[v] = Chance(0.5);
            cond = "$" + v;
        }

        return $" @{name}(if: {cond})";
    }

    private string SelectionSet(SchemaType type, int depth)
    {
        var items = new List<string>();
        var guard = 0;
        while (items.Count == 0 && guard++ < 10)
        {
            if (type.Kind == TypeKind.Object || type.Kind == TypeKind.Interface)
            {
                var fields = _model.VisibleFields(type)
                    .Where(f => depth < _maxDepth || _model.Named(f.Type).IsLeaf).ToList();
                var count = fields.Count == 0 ? 0 : 1 + _rng.Next(Math.Min(fields.Count, 4));
                for (var i = 0; i < count; i++) items.Add(Field(type, Pick(fields), depth));
            }

            if (Chance(0.2)) items.Add("__typename" + Directives());
            if (type.IsAbstract)
            {
                var possible = _model.PossibleTypes(type);
                var n = _rng.Next(0, Math.Min(3, possible.Count) + 1);
                for (var i = 0; i < n; i++) items.Add(Fragment(type, _model.Schema.GetType(Pick(possible)), depth));
                if (type.Kind == TypeKind.Interface && Chance(0.1)) items.Add(Fragment(type, type, depth));
            }
            else if (Chance(0.1))
            {
                items.Add(Fragment(type, type, depth));
                // An interface the object implements, as a fragment condition.
                var ifaces = type.Interfaces.Where(i => _model.Schema.FindType(i) is { } t && ApiModel.IsVisibleType(t)).ToList();
                if (ifaces.Count > 0 && Chance(0.5)) items.Add(Fragment(type, _model.Schema.GetType(Pick(ifaces)), depth));
            }
        }

        // Never empty (a directive may still skip everything inside, which is valid).
        items.Add("__typename");
        if (items.Count > 1 && Chance(0.8)) items.RemoveAt(items.Count - 1);
        return "{ " + string.Join(" ", items) + " }";
    }

    private string Fragment(SchemaType parent, SchemaType on, int depth)
    {
        var body = SelectionSet(on, depth);
        if (Chance(0.4))
        {
            var name = "F" + _fragmentCount++;
            _fragments.Append($" fragment {name} on {on.Name} {body}");
            return "..." + name + Directives();
        }

        // A fragment without type condition only where it means the parent type.
        return on == parent && Chance(0.3) ? "..." + Directives() + " " + body : $"... on {on.Name}{Directives()} {body}";
    }

    private string Field(SchemaType parent, SchemaField field, int depth)
    {
        var combos = _model.ArgumentCombinations(parent, field);
        var combo = Pick(combos);
        var argText = _model.ArgumentText(field, combo);
        var hasArgs = combo.Any(c => c is not null);
        var prefix = _model.IsUniform(field.Name) ? field.Name : field.Name + "_" + parent.Name;
        string key;
        if (hasArgs)
            key = prefix + "_" + string.Join("_", combo.Select(c => c is null ? "n" : Sanitize(c)));
        else if (Chance(0.25) || prefix != field.Name)
            key = prefix + "_a" + _rng.Next(2);
        else
            key = field.Name;
        var alias = key == field.Name ? "" : key + ": ";
        var named = _model.Named(field.Type);
        var sub = named.IsLeaf ? "" : " " + SelectionSet(named, depth + 1);
        return alias + field.Name + argText + Directives() + sub;
    }

    private static string Sanitize(string literal)
    {
        var sb = new StringBuilder();
        foreach (var ch in literal)
            if (char.IsAsciiLetterOrDigit(ch)) sb.Append(ch);
            else if (ch != '"') sb.Append('_');
        return sb.ToString();
    }
}
