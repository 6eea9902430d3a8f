using FederatedGateway.Demo.Subgraphs.Orders.Models;

namespace FederatedGateway.Demo.Subgraphs.Orders.Data;

/// <summary>Order status changes as they happen (placed, cancelled), pushed to every current watcher.</summary>
internal sealed class OrderStatusFeed
{
    private readonly Lock _lock = new();
    private readonly List<Watcher> _watchers = [];

    /// <summary>The changes of one order (or of one trader's orders, or of all orders when both are null).</summary>
    public IObservable<Order> Watch(string? orderId, string? traderId) => new Filtered(this, orderId, traderId);

    public void Publish(Order order)
    {
        Watcher[] current;
        lock (_lock)
            current = _watchers.ToArray();
        foreach (var watcher in current)
        {
            if ((watcher.OrderId is null || watcher.OrderId == order.Id) && (watcher.TraderId is null || watcher.TraderId == order.TraderId))
                watcher.Observer.OnNext(order);
        }
    }

    private IDisposable Add(Watcher watcher)
    {
        lock (_lock)
            _watchers.Add(watcher);
        return new Removal(this, watcher);
    }

    private sealed record Watcher(string? OrderId, string? TraderId, IObserver<Order> Observer);

    private sealed class Filtered(OrderStatusFeed feed, string? orderId, string? traderId) : IObservable<Order>
    {
        public IDisposable Subscribe(IObserver<Order> observer) => feed.Add(new Watcher(orderId, traderId, observer));
    }

    private sealed class Removal(OrderStatusFeed feed, Watcher watcher) : IDisposable
    {
        public void Dispose()
        {
            lock (feed._lock)
                feed._watchers.Remove(watcher);
        }
    }
}
