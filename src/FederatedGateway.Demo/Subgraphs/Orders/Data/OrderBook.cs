using FederatedGateway.Demo.Subgraphs.Orders.Models;

namespace FederatedGateway.Demo.Subgraphs.Orders.Data;

/// <summary>
/// The in-memory orders: deterministic seed data plus whatever the mutations add (thread-safe). Every status change
/// (placed, cancelled) goes to the <see cref="OrderStatusFeed"/>.
/// </summary>
internal sealed class OrderBook
{
    private readonly Lock _lock = new();
    private readonly List<Order> _orders;
    private readonly TimeProvider _time;
    private readonly OrderStatusFeed _feed;
    private int _nextNumber = 1007;

    public OrderBook(InstrumentCatalog catalog, TimeProvider time, OrderStatusFeed feed)
    {
        _time = time;
        _feed = feed;
        _orders =
        [
            new("o-1001", "t1", catalog.Get("AAPL"), OrderSide.Buy, 50, 185.00, OrderStatus.Open, Utc(2024, 5, 2, 9, 31)),
            new("o-1002", "t1", catalog.Get("MSFT"), OrderSide.Sell, 10, 420.00, OrderStatus.Open, Utc(2024, 5, 2, 9, 45)),
            new("o-1003", "t1", catalog.Get("TLT"), OrderSide.Buy, 100, 93.00, OrderStatus.Filled, Utc(2024, 5, 1, 14, 2)),
            new("o-1004", "t2", catalog.Get("VOD"), OrderSide.Sell, 5000, 0.75, OrderStatus.Open, Utc(2024, 5, 2, 8, 5)),
            new("o-1005", "t2", catalog.Get("SAP"), OrderSide.Buy, 30, 180.00, OrderStatus.Cancelled, Utc(2024, 4, 30, 15, 20)),
            new("o-1006", "t3", catalog.Get("NVDA"), OrderSide.Buy, 25, 118.00, OrderStatus.Open, Utc(2024, 5, 2, 13, 37)),
        ];
    }

    public IReadOnlyList<Order> All(OrderStatus? status = null)
        => Where(o => status is null || o.Status == status);

    public IReadOnlyList<Order> OfTrader(string traderId, OrderStatus? status = null)
        => Where(o => o.TraderId == traderId && (status is null || o.Status == status));

    public IReadOnlyList<Order> OfInstrument(string symbol, OrderStatus? status = null)
        => Where(o => o.Instrument.Symbol == symbol && (status is null || o.Status == status));

    public Order? Find(string id)
    {
        lock (_lock)
            return _orders.Find(o => o.Id == id);
    }

    public Order Place(string traderId, InstrumentRef instrument, OrderSide side, int quantity, double limitPrice)
    {
        var order = PlaceLocked(traderId, instrument, side, quantity, limitPrice);
        _feed.Publish(order);
        return order;
    }

    public CancelOutcome Cancel(string id, out Order? order)
    {
        var outcome = CancelLocked(id, out order);
        if (outcome == CancelOutcome.Cancelled)
            _feed.Publish(order!);
        return outcome;
    }

    private Order PlaceLocked(string traderId, InstrumentRef instrument, OrderSide side, int quantity, double limitPrice)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow().UtcDateTime;
            var createdAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)); // whole seconds, like the seed data
            var order = new Order($"o-{_nextNumber++}", traderId, instrument, side, quantity, limitPrice, OrderStatus.Open, createdAt);
            _orders.Add(order);
            return order;
        }
    }

    private CancelOutcome CancelLocked(string id, out Order? order)
    {
        lock (_lock)
        {
            var index = _orders.FindIndex(o => o.Id == id);
            if (index < 0)
            {
                order = null;
                return CancelOutcome.NotFound;
            }

            order = _orders[index];
            if (order.Status != OrderStatus.Open)
                return CancelOutcome.NotOpen;

            order = order with { Status = OrderStatus.Cancelled };
            _orders[index] = order;
            return CancelOutcome.Cancelled;
        }
    }

    private List<Order> Where(Predicate<Order> match)
    {
        lock (_lock)
            return _orders.FindAll(match);
    }

    private static DateTime Utc(int year, int month, int day, int hour, int minute)
        => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
