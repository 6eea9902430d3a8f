using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Ide;

internal static partial class IdeLog
{
    [LoggerMessage(101, LogLevel.Warning, "Gateway:Ide is enabled but this build has no IDE files (built with FederatedGatewaySkipIde); browsers get GraphQL over HTTP.")]
    public static partial void NotBuilt(ILogger logger);
}
