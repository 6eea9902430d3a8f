using FederatedGateway.Execution.Transport.Resilience;

namespace FederatedGateway.Execution.Tests.Transport;

public sealed class RetryBudgetTests
{
    [Fact]
    public void The_retry_budget_allows_its_share_of_traffic_beyond_a_small_reserve()
    {
        var budget = new RetryBudget(percent: 10, reserve: 2);
        Assert.True(budget.TryWithdraw());
        Assert.True(budget.TryWithdraw());
        Assert.False(budget.TryWithdraw());

        for (var i = 0; i < 30; i++)
        {
            budget.Deposit();
        }

        Assert.Equal(3, Enumerable.Range(0, 10).Count(_ => budget.TryWithdraw()));
    }

    [Fact]
    public void A_zero_percent_budget_allows_only_the_reserve()
    {
        var budget = new RetryBudget(percent: 0, reserve: 1);
        for (var i = 0; i < 1000; i++)
        {
            budget.Deposit();
        }

        Assert.True(budget.TryWithdraw());
        Assert.False(budget.TryWithdraw());
    }
}
