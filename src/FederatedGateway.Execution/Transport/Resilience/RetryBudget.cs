namespace FederatedGateway.Execution.Transport.Resilience;

/// <summary>
/// Caps retries at a share of the traffic: every request deposits that share of a token, every retry withdraws one
/// whole token. A small reserve lets a quiet subgraph's first failures be retried; the balance is capped so a long
/// healthy stretch cannot pay for a retry storm later.
/// </summary>
internal sealed class RetryBudget
{
    private const long Scale = 1000;
    private readonly long _deposit;
    private readonly long _cap;
    private long _balance;

    public RetryBudget(int percent, int reserve = 10)
    {
        _deposit = percent * Scale / 100;
        _cap = Math.Max(reserve, 100) * Scale;
        _balance = reserve * Scale;
    }

    public void Deposit()
    {
        if (_deposit == 0)
        {
            return;
        }

        long current, next;
        do
        {
            current = Interlocked.Read(ref _balance);
            next = Math.Min(_cap, current + _deposit);
        }
        while (Interlocked.CompareExchange(ref _balance, next, current) != current);
    }

    public bool TryWithdraw()
    {
        long current;
        do
        {
            current = Interlocked.Read(ref _balance);
            if (current < Scale)
            {
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref _balance, current - Scale, current) != current);

        return true;
    }
}
