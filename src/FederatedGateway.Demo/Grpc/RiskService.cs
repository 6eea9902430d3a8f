using FederatedGateway.Demo.Grpc.Risk;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace FederatedGateway.Demo.Grpc;

/// <summary>The risk service: fixed demo figures per trader.</summary>
internal sealed class RiskService(DemoGrpcCalls calls) : Risk.Risk.RiskBase
{
    private static readonly Dictionary<string, (double VaR, double Gross, RiskLevel Level)> s_figures = new(StringComparer.Ordinal)
    {
        ["t1"] = (2_310.55, 63_441.50, RiskLevel.Medium),
        ["t2"] = (1_120.00, 36_288.00, RiskLevel.Low),
        ["t3"] = (5_870.25, 36_420.00, RiskLevel.High),
    };

    public override Task<Trader> GetTraderRisk(GetTraderRiskRequest request, ServerCallContext context)
    {
        calls.Record(nameof(GetTraderRisk));
        if (!s_figures.TryGetValue(request.Id, out var figures))
        {
            return Task.FromResult(new Trader { Id = request.Id });
        }

        var risk = new TraderRisk
        {
            ValueAtRisk = figures.VaR,
            GrossExposure = figures.Gross,
            Level = figures.Level,
            AsOf = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero)),
            Limits =
            {
                new RiskLimit { Name = "gross-exposure", Used = figures.Gross, Limit = 100_000 },
                new RiskLimit { Name = "single-name", Used = figures.Gross / 3, Limit = 40_000 },
            },
        };
        return Task.FromResult(new Trader { Id = request.Id, Risk = risk });
    }
}
