namespace FederatedGateway.AspNetCore.Tests.Authorization;

/// <summary>A source stream that gives each subscriber the same items, then completes.</summary>
public sealed class FiniteObservable<T>(IReadOnlyList<T> items) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer)
    {
        foreach (var item in items)
        {
            observer.OnNext(item);
        }

        observer.OnCompleted();
        return new CancellationTokenSource();
    }
}
