using System.Text;
using System.Text.Json.Nodes;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Testing.Generation;

/// <summary>
/// Generates random valid query operations over a supergraph's API (deterministic for a seed): field subsets
/// with arguments, aliases, <c>__typename</c>, named fragments, inline fragments on abstract types, on the
/// object itself and on its interfaces, fragments without type condition, and <c>@skip</c>/<c>@include</c>
/// with literals and variables (sometimes both on one field), and aliases that collide: a field aliased with the
/// name of another field of the same type (key, <c>@requires</c> and <c>@provides</c> fields among them) or
/// <c>__typename</c>, at any depth. Variables come given, omitted with a default, given over a default and, where
/// the position is nullable, explicitly null or omitted without default.
/// </summary>
/// <remarks>
/// Within one place of the response a response key always means one field with one set of arguments and one type
/// (see <see cref="ResponseScope"/>), so selections that meet in the response merge and the operation is valid.
/// </remarks>
public sealed class OperationGenerator
{
    private readonly ApiModel _model;
    private readonly Random _rng;
    private readonly int _maxDepth;
    private readonly StringBuilder _fragments = new();
    private readonly JsonObject _variables = new();
    private readonly List<string> _variableDefinitions = new();
    private readonly double _collidingAliases;
    private readonly double _plainAliases;
    private readonly double _directives;
    private readonly double _objectFragments;
    private readonly bool _distinctFields;
    private int _fragmentCount;

    /// <param name="collidingAliases">How often a field gets an alias that collides with another field's name (tests merging).</param>
    /// <param name="plainAliases">How often a field without arguments gets a plain alias; lower values of both are closer to what clients send.</param>
    /// <param name="directives">How often a selection gets <c>@skip</c>/<c>@include</c>.</param>
    /// <param name="objectFragments">How often a selection set of an object type also selects through fragments on that type.</param>
    /// <param name="distinctFields">Whether a selection set names each field once (as clients write them) instead of repeating some.</param>
    public OperationGenerator(
        ApiModel model, int seed, int maxDepth = 4, double collidingAliases = 0.3, double plainAliases = 0.25, double directives = 0.15,
        double objectFragments = 0.1, bool distinctFields = false)
    {
        _model = model;
        _rng = new Random(seed);
        _maxDepth = maxDepth;
        _collidingAliases = collidingAliases;
        _plainAliases = plainAliases;
        _directives = directives;
        _objectFragments = objectFragments;
        _distinctFields = distinctFields;
    }

    public GeneratedOperation Next()
    {
        _fragments.Clear();
        _variables.Clear();
        _variableDefinitions.Clear();
        _fragmentCount = 0;
        var query = _model.Schema.GetType(_model.Schema.QueryType);
        var body = SelectionSet(query, 0, new ResponseScope());
        var sb = new StringBuilder("query Q");
        if (_variableDefinitions.Count > 0)
        {
            sb.Append('(').Append(string.Join(", ", _variableDefinitions)).Append(')');
        }

        sb.Append(' ').Append(body).Append(_fragments);
        return new GeneratedOperation(sb.ToString(), (JsonObject)_variables.DeepClone());
    }

    private bool Chance(double p) => _rng.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> list) => list[_rng.Next(list.Count)];

    private string Directives()
    {
        if (!Chance(_directives))
        {
            return string.Empty;
        }

        var skip = Chance(0.5);
        var directives = Directive(skip);

        // Both on one field sometimes: each may appear once per location.
        return Chance(0.1) ? directives + Directive(!skip) : directives;
    }

    private string Directive(bool skip)
    {
        string condition;
        if (Chance(0.5))
        {
            condition = Chance(0.5) ? "true" : "false";
        }
        else
        {
            var variable = "v" + _variableDefinitions.Count;
            var value = Chance(0.5);
            switch (_rng.Next(4))
            {
                case 0:
                    _variableDefinitions.Add($"${variable}: Boolean!");
                    _variables[variable] = value;
                    break;
                case 1:
                    // Omitted: the default applies (a nullable variable with a default may stand where Boolean! is expected).
                    _variableDefinitions.Add($"${variable}: Boolean = {Literal(value)}");
                    break;
                case 2:
                    _variableDefinitions.Add($"${variable}: Boolean! = {Literal(value)}");
                    break;
                default:
                    // Given: the value overrides the default.
                    _variableDefinitions.Add($"${variable}: Boolean = {Literal(!value)}");
                    _variables[variable] = value;
                    break;
            }

            condition = "$" + variable;
        }

        return $" @{(skip ? "skip" : "include")}(if: {condition})";
    }

    private string SelectionSet(SchemaType type, int depth, ResponseScope scope)
    {
        var items = new List<string>();
        var attempts = 0;
        while (items.Count == 0 && attempts++ < 10)
        {
            if (type.Kind is TypeKind.Object or TypeKind.Interface)
            {
                var fields = _model.VisibleFields(type).Where(f => depth < _maxDepth || _model.Named(f.Type).IsLeaf).ToList();
                var count = fields.Count == 0 ? 0 : 1 + _rng.Next(Math.Min(fields.Count, 4));
                for (var i = 0; i < count; i++)
                {
                    var field = Pick(fields);
                    if (_distinctFields)
                    {
                        fields.Remove(field);
                    }

                    items.Add(Field(type, field, depth, scope));
                }
            }

            if (Chance(0.2))
            {
                items.Add(Typename(scope) + Directives());
            }

            if (type.IsAbstract)
            {
                AddAbstractFragments(type, depth, items, scope);
            }
            else if (Chance(_objectFragments))
            {
                AddObjectFragments(type, depth, items, scope);
            }
        }

        // Never empty (a directive may still skip everything inside, which is valid).
        items.Add(Typename(scope));
        if (items.Count > 1 && Chance(0.8))
        {
            items.RemoveAt(items.Count - 1);
        }

        return "{ " + string.Join(" ", items) + " }";
    }

    /// <summary><c>__typename</c>, aliased when a field took its name here.</summary>
    private static string Typename(ResponseScope scope)
    {
        for (var i = 0; ; i++)
        {
            var key = i == 0 ? "__typename" : "typename_" + i;
            if (scope.Claim(key, "__typename"))
            {
                return i == 0 ? key : key + ": __typename";
            }
        }
    }

    private void AddAbstractFragments(SchemaType type, int depth, List<string> items, ResponseScope scope)
    {
        var possible = _model.PossibleTypes(type);
        var n = _rng.Next(0, Math.Min(3, possible.Count) + 1);
        for (var i = 0; i < n; i++)
        {
            items.Add(Fragment(type, _model.Schema.GetType(Pick(possible)), depth, scope));
        }

        if (type.Kind == TypeKind.Interface && Chance(0.1))
        {
            items.Add(Fragment(type, type, depth, scope));
        }
    }

    private void AddObjectFragments(SchemaType type, int depth, List<string> items, ResponseScope scope)
    {
        items.Add(Fragment(type, type, depth, scope));
        var interfaces = type.Interfaces.Where(i => _model.Schema.FindType(i) is { } t && ApiModel.IsVisibleType(t)).ToList();
        if (interfaces.Count > 0 && Chance(0.5))
        {
            items.Add(Fragment(type, _model.Schema.GetType(Pick(interfaces)), depth, scope));
        }
    }

    private string Fragment(SchemaType parent, SchemaType on, int depth, ResponseScope scope)
    {
        var body = SelectionSet(on, depth, scope);
        if (Chance(0.4))
        {
            var name = "F" + _fragmentCount++;
            _fragments.Append($" fragment {name} on {on.Name} {body}");
            return "..." + name + Directives();
        }

        // A fragment without type condition only where it means the parent type.
        return on == parent && Chance(0.3) ? "..." + Directives() + " " + body : $"... on {on.Name}{Directives()} {body}";
    }

    private string Field(SchemaType parent, SchemaField field, int depth, ResponseScope scope)
    {
        var combo = Pick(_model.ArgumentCombinations(parent, field));
        var argumentText = Chance(0.3) ? ArgumentTextWithVariables(field, combo) : _model.ArgumentText(field, combo);
        var uniform = _model.IsUniform(field.Name);
        var prefix = uniform ? field.Name : field.Name + "_" + parent.Name;

        // What the key means here: the field, its arguments and its type (and its parent where the type differs by parent).
        var meaning = field.Name + argumentText + ":" + field.Type + (uniform ? string.Empty : "@" + parent.Name);
        var key = Chance(_collidingAliases) ? CollidingAlias(parent, field, scope, meaning) : null;
        if (key is null)
        {
            if (combo.Any(c => c is not null))
            {
                key = prefix + "_" + string.Join("_", combo.Select(c => c is null ? "n" : Sanitize(c)));
            }
            else if (Chance(_plainAliases) || prefix != field.Name)
            {
                key = prefix + "_a" + _rng.Next(2);
            }
            else
            {
                key = field.Name;
            }

            // A colliding alias may have taken the usual key here.
            for (var i = 1; !scope.Claim(key, meaning); i++)
            {
                key = prefix + "_c" + i;
            }
        }

        var alias = key == field.Name ? string.Empty : key + ": ";
        var named = _model.Named(field.Type);
        var sub = named.IsLeaf ? string.Empty : " " + SelectionSet(named, depth + 1, scope.Child(key));
        return alias + field.Name + argumentText + Directives() + sub;
    }

    /// <summary>
    /// An alias taken from the names of the parent type's other fields (keys, <c>@requires</c> and <c>@provides</c>
    /// fields are fields of the type too) or <c>__typename</c>; null when each is taken here for something else.
    /// </summary>
    private string? CollidingAlias(SchemaType parent, SchemaField field, ResponseScope scope, string meaning)
    {
        var candidates = _model.VisibleFields(parent).Select(f => f.Name).Where(n => n != field.Name).Append("__typename").ToList();
        for (var attempt = 0; attempt < 3 && candidates.Count > 0; attempt++)
        {
            var candidate = Pick(candidates);
            if (scope.Claim(candidate, meaning))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string Literal(bool value) => value ? "true" : "false";

    /// <summary>
    /// Arguments where scalar and enum values are passed as variables, each one way: given, omitted so that the
    /// variable's default applies, or given over a default. An argument left out becomes, sometimes, a nullable
    /// variable that is omitted (the argument's default applies) or, where the argument has no default, explicitly
    /// null (which means the same as leaving it out).
    /// </summary>
    private string ArgumentTextWithVariables(SchemaField field, IReadOnlyList<string?> literals)
    {
        var args = _model.VisibleArguments(field).ToList();
        var parts = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var named = _model.Named(arg.Type);
            var scalar = !arg.Type.Nullable.IsList && named.Kind is TypeKind.Scalar or TypeKind.Enum;
            if (literals[i] is { } literal)
            {
                parts.Add(arg.Name + ": " + (scalar && Chance(0.6) ? Variable(arg.Type, literal, named.Kind == TypeKind.Enum) : literal));
            }
            else if (scalar && Chance(0.4))
            {
                var name = "a" + _variableDefinitions.Count;
                _variableDefinitions.Add($"${name}: {arg.Type.Nullable}");
                if (arg.DefaultValue is null && Chance(0.5))
                {
                    _variables[name] = null;
                }

                parts.Add($"{arg.Name}: ${name}");
            }
        }

        return parts.Count == 0 ? string.Empty : "(" + string.Join(", ", parts) + ")";
    }

    /// <summary>A variable of <paramref name="type"/> that holds <paramref name="literal"/>; its reference (<c>$a3</c>).</summary>
    private string Variable(TypeRef type, string literal, bool isEnum)
    {
        var name = "a" + _variableDefinitions.Count;
        JsonNode value = isEnum ? JsonValue.Create(literal) : JsonNode.Parse(literal)!;
        switch (_rng.Next(3))
        {
            case 0:
                _variableDefinitions.Add($"${name}: {type}");
                _variables[name] = value;
                break;
            case 1:
                _variableDefinitions.Add($"${name}: {type} = {literal}");
                break;
            default:
                // A nullable variable with a default, given: allowed where the argument is non-null.
                _variableDefinitions.Add($"${name}: {type.Nullable} = {literal}");
                _variables[name] = value;
                break;
        }

        return "$" + name;
    }

    private static string Sanitize(string literal)
    {
        var sb = new StringBuilder();
        foreach (var ch in literal)
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                sb.Append(ch);
            }
            else if (ch != '"')
            {
                sb.Append('_');
            }
        }

        return sb.ToString();
    }
}
