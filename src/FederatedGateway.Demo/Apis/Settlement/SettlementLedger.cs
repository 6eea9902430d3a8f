namespace FederatedGateway.Demo.Apis.Settlement;

/// <summary>
/// The settlement service's fixed data: one settlement for each seeded order of the orders subgraph (the amount is
/// quantity x limit price in the instrument's currency, the date one business day after the order), and the
/// counterparties they settle with. Orders placed while the demo runs have none.
/// </summary>
internal static class SettlementLedger
{
    public static IReadOnlyList<Counterparty> Counterparties { get; } =
    [
        new("cp-100", "Northwind Clearing", "GB"),
        new("cp-200", "Contoso Securities", "US"),
        new("cp-300", "Fabrikam Bank", "DE"),
    ];

    private static readonly Dictionary<string, SettlementRecord> s_byOrder = new SettlementRecord[]
    {
        new("o-1001", SettlementStatus.Settled, new DateOnly(2024, 5, 3), 9250.00, "USD", "cp-200"),
        new("o-1002", SettlementStatus.Pending, new DateOnly(2024, 5, 3), 4200.00, "USD", "cp-200"),
        new("o-1003", SettlementStatus.Settled, new DateOnly(2024, 5, 2), 9300.00, "USD", "cp-100"),
        new("o-1004", SettlementStatus.Failed, new DateOnly(2024, 5, 3), 3750.00, "GBP", "cp-100"),
        new("o-1005", SettlementStatus.Failed, new DateOnly(2024, 5, 1), 5400.00, "EUR", "cp-300"),
        new("o-1006", SettlementStatus.Pending, new DateOnly(2024, 5, 3), 2950.00, "USD", "cp-200"),
    }.ToDictionary(s => s.OrderId, StringComparer.Ordinal);

    private static readonly Dictionary<string, Counterparty> s_counterparties = Counterparties.ToDictionary(c => c.Id, StringComparer.Ordinal);

    public static SettlementRecord? Find(string orderId) => s_byOrder.GetValueOrDefault(orderId);

    /// <summary>The settlements of the given orders that have one, in the order asked for (each once).</summary>
    public static IReadOnlyList<SettlementRecord> FindAll(IEnumerable<string> orderIds) =>
        orderIds.Distinct(StringComparer.Ordinal).Select(Find).OfType<SettlementRecord>().ToList();

    public static Counterparty? FindCounterparty(string id) => s_counterparties.GetValueOrDefault(id);
}
