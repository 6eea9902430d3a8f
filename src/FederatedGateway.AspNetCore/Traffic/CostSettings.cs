using FederatedGateway.Execution.Cost;

namespace FederatedGateway.AspNetCore.Traffic;

/// <summary>Demand control, configuration <c>Gateway:Cost</c> (IBM's cost specification: <c>@cost</c>, <c>@listSize</c>).</summary>
public sealed class CostSettings
{
    /// <summary>Estimate every operation's cost. On by itself when <see cref="Max"/> is set or a rate limit counts cost units. Default off.</summary>
    public bool Enabled { get; set; }

    /// <summary>The most an operation's estimate may be (<c>COST_ESTIMATED_TOO_EXPENSIVE</c> above it); 0: no maximum.</summary>
    public double Max { get; set; }

    /// <summary><c>Enforce</c> (default) refuses operations over <see cref="Max"/>; <c>Measure</c> only reports.</summary>
    public string Mode { get; set; } = "Enforce";

    /// <summary>The size assumed for lists without <c>@listSize</c> or slicing arguments. Default 10.</summary>
    public int DefaultListSize { get; set; } = 10;

    /// <summary>Clients that send <c>extensions: {"cost": true}</c> get <c>extensions.cost</c> (estimated, actual, max). Default on.</summary>
    public bool ExposeToClients { get; set; } = true;

    internal CostOptions ToOptions() => new()
    {
        Max = Max,
        Enforce = !string.Equals(Mode, "Measure", StringComparison.OrdinalIgnoreCase),
        DefaultListSize = DefaultListSize,
        ExposeToClients = ExposeToClients,
    };

    internal IEnumerable<string> Problems()
    {
        if (Max < 0 || DefaultListSize < 0)
        {
            yield return "Gateway:Cost needs a Max and a DefaultListSize of zero or more.";
        }

        if (!string.Equals(Mode, "Enforce", StringComparison.OrdinalIgnoreCase) && !string.Equals(Mode, "Measure", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"Gateway:Cost:Mode '{Mode}' is neither Enforce nor Measure.";
        }
    }
}
