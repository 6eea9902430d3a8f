using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.AspNetCore.Tests.Authorization.Accounts;

public sealed class RiskLevelEnum : EnumerationGraphType
{
    public RiskLevelEnum()
    {
        Name = "RiskLevel";
        Add("LOW", "LOW");
        Add("HIGH", "HIGH");
    }
}
