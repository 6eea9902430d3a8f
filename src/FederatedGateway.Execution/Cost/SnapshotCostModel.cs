using System.Runtime.CompilerServices;
using System.Text.Json;
using FederatedGateway.Core.Cost;
using FederatedGateway.Core.Operations;

namespace FederatedGateway.Execution.Cost;

/// <summary>
/// One snapshot's cost calculator, and the estimates of operations sent without variables: those depend on the
/// operation alone, so each is computed once and kept while its prepared operation lives (the operation cache bounds
/// them; they go with the snapshot). Requests with variables are estimated every time (slicing arguments,
/// <c>@skip</c>/<c>@include</c>).
/// </summary>
internal sealed class SnapshotCostModel
{
    private readonly ConditionalWeakTable<PreparedOperation, StrongBox<double>> _withoutVariables = new();

    public SnapshotCostModel(CostCalculator calculator) => Calculator = calculator;

    public CostCalculator Calculator { get; }

    /// <exception cref="CostException">A slicing rule is broken.</exception>
    public double Estimate(PreparedOperation operation, JsonElement variables, IReadOnlyDictionary<string, bool> booleans)
    {
        if (HasValues(variables))
        {
            return Calculator.Estimate(operation, variables, booleans);
        }

        if (_withoutVariables.TryGetValue(operation, out var known))
        {
            return known.Value;
        }

        var estimate = Calculator.Estimate(operation, variables, booleans);
        _withoutVariables.AddOrUpdate(operation, new StrongBox<double>(estimate));
        return estimate;
    }

    private static bool HasValues(JsonElement variables)
    {
        if (variables.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        using var properties = variables.EnumerateObject();
        return properties.MoveNext();
    }
}
