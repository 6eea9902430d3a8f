using System.Diagnostics;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// Spans for the steps of preparing a document (<c>graphql.parse</c>, <c>graphql.validate</c>, <c>graphql.plan</c>),
/// from an activity source named like the gateway's (<c>FederatedGateway</c>), so one subscription gets both. None is
/// created when nothing listens.
/// </summary>
internal static class PreparationTelemetry
{
    public const string ParseSpan = "graphql.parse";

    public const string ValidateSpan = "graphql.validate";

    public const string PlanSpan = "graphql.plan";

    private static readonly ActivitySource Source = new("FederatedGateway");

    public static Activity? Start(string name) => Source.HasListeners() ? Source.StartActivity(name) : null;

    /// <summary>Ends <paramref name="activity"/>, marked failed with <paramref name="errorCode"/> when there is one.</summary>
    public static void Stop(Activity? activity, string? errorCode)
    {
        if (activity is null)
        {
            return;
        }

        if (errorCode is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, errorCode);
            activity.SetTag("error.type", errorCode);
        }

        activity.Stop();
    }
}
