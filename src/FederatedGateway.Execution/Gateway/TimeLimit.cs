namespace FederatedGateway.Execution.Gateway;

/// <summary>How time limits are written in settings: positive, or zero / <see cref="Timeout.InfiniteTimeSpan"/> for none.</summary>
public static class TimeLimit
{
    /// <summary>True when <paramref name="limit"/> means "no limit".</summary>
    public static bool IsOff(TimeSpan limit) => limit == TimeSpan.Zero || limit == Timeout.InfiniteTimeSpan;

    /// <summary>True for a positive limit, zero or <see cref="Timeout.InfiniteTimeSpan"/>.</summary>
    public static bool IsValid(TimeSpan limit) => limit >= TimeSpan.Zero || limit == Timeout.InfiniteTimeSpan;
}
