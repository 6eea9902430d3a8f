using System.Text.Json;
using Google.Protobuf.Reflection;

namespace FederatedGateway.Grpc.Translation;

/// <summary>A protobuf enum as a GraphQL enum; value names lose the enum's own prefix when every value has it.</summary>
public sealed class ProtoEnum
{
    private readonly Dictionary<int, JsonEncodedText> _byNumber = [];
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);

    /// <param name="hideUnspecified">Leave out a zero value named <c>…UNSPECIFIED</c>: it reads as null and cannot be sent.</param>
    internal ProtoEnum(EnumDescriptor descriptor, string graphQLName, bool hideUnspecified = false)
    {
        Descriptor = descriptor;
        GraphQLName = graphQLName;
        var prefix = GraphQLNames.UpperSnake(descriptor.Name) + "_";
        var strip = descriptor.Values.All(v => v.Name.Length > prefix.Length && v.Name.StartsWith(prefix, StringComparison.Ordinal)
            && !char.IsDigit(v.Name[prefix.Length]));
        var values = new List<(string Name, int Number)>();
        foreach (var value in descriptor.Values)
        {
            var name = strip ? value.Name[prefix.Length..] : value.Name;
            if (hideUnspecified && value.Number == 0 && (name == "UNSPECIFIED" || value.Name.EndsWith("_UNSPECIFIED", StringComparison.Ordinal)))
            {
                HidesZero = true;
                continue;
            }

            if (value.GetOptions()?.GetExtension(Options.OptionsExtensions.EnumValue)?.Hidden == true)
            {
                HidesZero |= value.Number == 0;
                HidesValues = true;
                continue;
            }

            if (_byName.TryAdd(name, value.Number))
            {
                values.Add((name, value.Number));
            }

            _byNumber.TryAdd(value.Number, JsonEncodedText.Encode(name));

            // The proto name too (RISK_LEVEL_HIGH), as proto3 JSON writes it: JSON/HTTP clients send those.
            _byName.TryAdd(value.Name, value.Number);
        }

        Values = values;
    }

    public EnumDescriptor Descriptor { get; }

    /// <summary>The zero value is an unnamed "unspecified": fields of this enum are nullable and 0 reads as null.</summary>
    public bool HidesZero { get; }

    /// <summary>Some values are hidden (<c>(fgw.enum_value).hidden</c>): they read as null, so fields of this enum are nullable.</summary>
    public bool HidesValues { get; }

    public string GraphQLName { get; internal set; }

    /// <summary>GraphQL value names with their numbers (aliases of one number appear once per name).</summary>
    public IReadOnlyList<(string Name, int Number)> Values { get; }

    public bool TryGetName(int number, out JsonEncodedText name) => _byNumber.TryGetValue(number, out name);

    public bool TryGetNumber(string name, out int number) => _byName.TryGetValue(name, out number);
}
