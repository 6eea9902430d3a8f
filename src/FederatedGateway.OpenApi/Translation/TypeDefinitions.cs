using System.Text;

namespace FederatedGateway.OpenApi.Translation;

/// <summary>
/// The GraphQL types a translation makes, whatever it translates (OpenAPI schemas, XML Schema types): a unique name
/// per thing named (a component, a place), the type model execution reads, the SDL of each type, the custom
/// scalars used, and enums (the same for inputs and outputs), printed in name order.
/// </summary>
internal sealed class TypeDefinitions
{
    private readonly SortedDictionary<string, string> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Key, bool Input), string> _named = [];
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal) { "Query", "Mutation", "Subscription" };
    private readonly SortedSet<string> _scalars = new(StringComparer.Ordinal);

    /// <summary>The types made, by name, as executing against them needs them.</summary>
    public Dictionary<string, ApiType> Model { get; } = new(StringComparer.Ordinal);

    /// <summary>A custom scalar, declared once.</summary>
    public string Scalar(string name)
    {
        _scalars.Add(name);
        return name;
    }

    /// <summary>
    /// A name for the type of <paramref name="key"/>, unique among all types made; false (with the name given
    /// before) when that key already has one.
    /// </summary>
    public bool TryName(string key, bool input, string suffix, out string name)
    {
        if (_named.TryGetValue((key, input), out name!))
        {
            return false;
        }

        var baseName = OpenApiNames.Pascal(key) + suffix;
        name = baseName;
        for (var i = 2; !_taken.Add(name); i++)
        {
            name = baseName + i;
        }

        _named[(key, input)] = name;
        return true;
    }

    /// <summary>Sets a type's SDL (empty while its fields are still to be made).</summary>
    public void Define(string name, string definition) => _definitions[name] = definition;

    /// <summary>An enum of string values (<c>in-flight</c> → <c>IN_FLIGHT</c>, mapped both ways), named after <paramref name="key"/>.</summary>
    public string Enum(string key, IEnumerable<string> values, string? description)
    {
        if (!TryName(key, input: false, "", out var name))
        {
            return name;
        }

        var definition = new StringBuilder();
        SchemaTypes.Describe(definition, description, "");
        definition.Append("enum ").Append(name).Append(" {\n");
        var model = Model[name] = new ApiType(name, ApiTypeKind.Enum);
        foreach (var value in values)
        {
            var graphQLValue = OpenApiNames.UpperSnake(value);
            if (model.EnumToJson.TryAdd(graphQLValue, value))
            {
                model.JsonToEnum[value] = graphQLValue;
                definition.Append("  ").Append(graphQLValue).Append('\n');
            }
        }

        Define(name, definition.Append("}\n").ToString());
        return name;
    }

    /// <summary>Every scalar and type made, in name order.</summary>
    public void Print(StringBuilder sdl)
    {
        foreach (var scalar in _scalars)
        {
            sdl.Append("\nscalar ").Append(scalar).Append('\n');
        }

        foreach (var definition in _definitions.Values)
        {
            sdl.Append('\n').Append(definition);
        }
    }
}
