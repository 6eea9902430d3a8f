namespace FederatedGateway.Core.Operations.VariableUsages;

/// <summary>
/// A variable of nullable type used where a non-null value is expected, allowed because the variable or the location
/// has a default. An explicit <c>null</c> for it is refused when variables are coerced (see <see cref="ExplicitNullCheck"/>).
/// </summary>
/// <param name="Location">Where it is used, as the message names it (<c>argument "if" of @include</c>).</param>
public sealed record NullableVariableInNonNullPosition(string Variable, string Location);
