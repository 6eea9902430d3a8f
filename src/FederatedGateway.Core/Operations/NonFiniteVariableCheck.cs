using System.Collections;
using System.Globalization;
using GraphQL.Validation;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// Refuses coerced variable values holding a number that is not finite. JSON has no Infinity or NaN, but a literal
/// beyond the range of a double (<c>1e400</c>) reads as Infinity, and the coercion of a Float lets it through; the
/// same literal written in the document is refused. The raw JSON goes on to the subgraphs, so it is refused here.
/// </summary>
internal static class NonFiniteVariableCheck
{
    public const string Code = "BAD_USER_INPUT";

    /// <summary>The error for the first variable holding a non-finite number (at any depth), or null.</summary>
    public static RequestError? Check(Variables? variables)
    {
        if (variables is null)
        {
            return null;
        }

        foreach (var variable in variables)
        {
            if (PathToNonFinite(variable.Value) is { } path)
            {
                var where = path.Length == 0 ? "" : $" at \"{path.TrimStart('.')}\"";
                return RequestError.Of(
                    $"Variable \"${variable.Name}\" got an invalid value{where}: the number is not finite (too large for a Float).",
                    Code);
            }
        }

        return null;
    }

    /// <summary>Where in <paramref name="value"/> a non-finite number is (<c>""</c> for the value itself, <c>".a[2]"</c> inside), or null.</summary>
    private static string? PathToNonFinite(object? value) => value switch
    {
        double number => double.IsFinite(number) ? null : "",
        float number => float.IsFinite(number) ? null : "",
        IDictionary<string, object?> fields => InFields(fields),
        IEnumerable items and not string => InItems(items),
        _ => null,
    };

    private static string? InFields(IDictionary<string, object?> fields)
    {
        foreach (var (name, field) in fields)
        {
            if (PathToNonFinite(field) is { } rest)
            {
                return "." + name + rest;
            }
        }

        return null;
    }

    private static string? InItems(IEnumerable items)
    {
        var index = 0;
        foreach (var item in items)
        {
            if (PathToNonFinite(item) is { } rest)
            {
                return "[" + index.ToString(CultureInfo.InvariantCulture) + "]" + rest;
            }

            index++;
        }

        return null;
    }
}
