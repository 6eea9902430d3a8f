using System.Text.Json;

namespace FederatedGateway.Core.Operations.VariableUsages;

/// <summary>
/// Refuses an explicit <c>null</c> for a nullable variable used where a non-null value is required. The spec keeps an
/// explicit null as null even when the variable has a default (the default applies only to an omitted variable), so
/// the value would reach a non-null location: the request is refused before execution, with <c>BAD_USER_INPUT</c>.
/// </summary>
internal static class ExplicitNullCheck
{
    public const string Code = "BAD_USER_INPUT";

    public static RequestError? Check(IReadOnlyList<NullableVariableInNonNullPosition> usages, JsonElement variables)
    {
        if (usages.Count == 0 || variables.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var usage in usages)
        {
            if (variables.TryGetProperty(usage.Variable, out var value) && value.ValueKind == JsonValueKind.Null)
            {
                return RequestError.Of(
                    $"Variable \"${usage.Variable}\" is null, but it is used where a non-null value is required ({usage.Location}); a default applies only when the variable is omitted.",
                    Code);
            }
        }

        return null;
    }
}
