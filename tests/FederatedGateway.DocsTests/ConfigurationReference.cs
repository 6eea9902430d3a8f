using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using FederatedGateway.AspNetCore;

namespace FederatedGateway.DocsTests;

/// <summary>
/// Writes docs/configuration.md from <see cref="GatewayOptions"/>: every settable property under <c>Gateway</c>, its
/// type, its default (read from a fresh instance, and what the server's <c>appsettings.json</c> sets when it differs)
/// and its XML summary. Lists and maps show one entry as <c>:&lt;n&gt;</c> and <c>:&lt;name&gt;</c>.
/// </summary>
internal static class ConfigurationReference
{
    public const string RelativePath = "docs/configuration.md";

    public const string UpdateCommand =
        "FGW_UPDATE_DOCS=1 dotnet test tests/FederatedGateway.DocsTests -c Release --filter ConfigurationReferenceTests";

    public static string Generate()
    {
        var appSettings = AppSettings();
        var text = new StringBuilder();
        text.Append($"""
            # Configuration reference

            <!-- Generated from GatewayOptions and its settings classes (their XML summaries and the defaults of a fresh
                 instance) by tests/FederatedGateway.DocsTests; do not edit by hand: {UpdateCommand} -->

            Settings are ASP.NET Core configuration: `src/FederatedGateway.Server/appsettings.json`, environment variables
            (`Gateway__SubgraphTimeout=00:00:05`, `__` for `:`) and the command line (`--Gateway:SubgraphTimeout 00:00:05`).
            Durations are `hh:mm:ss` (`d.hh:mm:ss` for days); a list or a map is set entry by entry
            (`Gateway:ForwardedHeaders:0`, `Gateway:SubgraphUrlOverrides:accounts`). Each section's behaviour is described
            in its topic page: [operations.md](operations.md), [security.md](security.md),
            [subscriptions.md](subscriptions.md), [grpc.md](grpc.md), [ide.md](ide.md), [registry.md](registry.md).

            ## The executable

            | setting | default | meaning |
            |---|---|---|
            | `--supergraph` / `Gateway:SupergraphPath` | (one of the three) | the supergraph SDL file (Apollo join spec v0.2–v0.5) |
            | `--config` / `Gateway:ConfigPath` | (one of the three) | a `supergraph.yaml` composed at start and on every change of its files ([composition.md](composition.md)) |
            | `--registry` and `--graph` | (one of the three) | follow a schema registry variant ([registry.md](registry.md)) |
            | `--urls` | `{appSettings.GetProperty("Urls").GetString()}` (`Urls` in `appsettings.json`) | where Kestrel listens |
            | `--environment` | `Production` | `Development` turns on the IDE, query plans, introspection and subgraph error details |
            | `Logging:Console:FormatterName` | `simple` | `json` gives one structured JSON object per log line (category, level, message template values in `State`) |

            ## Gateway settings

            | setting | default | type | meaning |
            |---|---|---|---|

            """);
        foreach (var row in Rows(typeof(GatewayOptions), new GatewayOptions(), GatewayOptions.SectionName))
        {
            var configured = Lookup(appSettings, row.Key);
            var defaultText = row.Default;
            if (configured is { Length: > 0 } && $"`{configured}`" != row.Default)
            {
                defaultText += $" (the server's `appsettings.json`: `{configured}`)";
            }

            text.Append(CultureInfo.InvariantCulture, $"| `{row.Key}` | {defaultText} | {row.Type} | {row.Description} |\n");
        }

        return text.ToString().Replace("\r\n", "\n");
    }

    private sealed record Row(string Key, string Default, string Type, string Description);

    private static IEnumerable<Row> Rows(Type type, object? instance, string prefix)
    {
        var summaries = new XmlSummaries();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            var key = $"{prefix}:{property.Name}";
            var value = instance is null ? null : property.GetValue(instance);
            var propertyType = property.PropertyType;
            if (IsSettingsClass(propertyType))
            {
                foreach (var row in Rows(propertyType, value ?? Activator.CreateInstance(propertyType), key))
                {
                    yield return row;
                }

                continue;
            }

            if (Element(propertyType) is { } element && (IsSettingsClass(element.Type) || Element(element.Type) is not null))
            {
                var entryKey = $"{key}:{(element.IsMap ? "<name>" : "<n>")}";
                yield return new Row(key, Default(value), TypeName(propertyType), summaries.Of(property));
                foreach (var row in EntryRows(element.Type, entryKey))
                {
                    yield return row;
                }

                continue;
            }

            yield return new Row(key, Default(value), TypeName(propertyType), summaries.Of(property));
        }
    }

    private static IEnumerable<Row> EntryRows(Type type, string key)
    {
        if (IsSettingsClass(type))
        {
            return Rows(type, Activator.CreateInstance(type), key);
        }

        var element = Element(type)!.Value;
        return EntryRows(element.Type, $"{key}:{(element.IsMap ? "<name>" : "<n>")}");
    }

    private static bool IsSettingsClass(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("FederatedGateway", StringComparison.Ordinal) == true;

    /// <summary>The element type of a list, or the value type of a map with string keys.</summary>
    private static (Type Type, bool IsMap)? Element(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.IsArray ? (type.GetElementType()!, false) : null;
        }

        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        if (definition == typeof(List<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>))
        {
            return (arguments[0], false);
        }

        return definition == typeof(Dictionary<,>) || definition == typeof(IReadOnlyDictionary<,>) ? (arguments[1], true) : null;
    }

    private static string TypeName(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying);
        }

        if (type.IsEnum)
        {
            return string.Join(" \\| ", Enum.GetNames(type).Select(n => $"`{n}`"));
        }

        if (Element(type) is { } element)
        {
            return element.IsMap ? $"map of {TypeName(element.Type)}" : $"list of {TypeName(element.Type)}";
        }

        return type == typeof(TimeSpan) ? "duration" : IsSettingsClass(type) ? "section" : type.Name switch
        {
            "Boolean" => "bool",
            "Int32" or "Int64" => "integer",
            "Double" => "number",
            "String" => "string",
            _ => type.Name,
        };
    }

    private static string Default(object? value) => value switch
    {
        null => "unset",
        int.MaxValue or long.MaxValue => "unlimited",
        bool b => b ? "`true`" : "`false`",
        string { Length: 0 } => "empty",
        string s => $"`{s}`",
        TimeSpan t => $"`{t.ToString("c", CultureInfo.InvariantCulture)}`",
        IDictionary { Count: 0 } or ICollection { Count: 0 } => "none",
        IDictionary map => string.Join(", ", map.Keys.Cast<object>().Select(k => $"`{k}`")),
        IEnumerable list when value is not string => string.Join(", ", list.Cast<object?>().Select(v => IsSettingsClass(v?.GetType() ?? typeof(object)) ? "…" : Default(v))),
        IFormattable number => $"`{number.ToString(null, CultureInfo.InvariantCulture)}`",
        _ => $"`{value}`",
    };

    private static JsonElement AppSettings()
    {
        using var document = JsonDocument.Parse(Repo.Read("src/FederatedGateway.Server/appsettings.json"));
        return document.RootElement.Clone();
    }

    /// <summary>The value <c>appsettings.json</c> gives a key (case-insensitive, as configuration is), or null.</summary>
    private static string? Lookup(JsonElement root, string key)
    {
        var element = root;
        foreach (var part in key.Split(':'))
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var match = element.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, part, StringComparison.OrdinalIgnoreCase));
            if (match.Value.ValueKind == JsonValueKind.Undefined)
            {
                return null;
            }

            element = match.Value;
        }

        return element.ValueKind switch
        {
            JsonValueKind.Object or JsonValueKind.Array => null,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => element.ToString(),
        };
    }
}
