using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Ide;

internal static partial class IdeLog
{
    [LoggerMessage(101, LogLevel.Warning, "Gateway:Ide is enabled but this build has no IDE files (built with FederatedGatewaySkipIde); browsers get GraphQL over HTTP.")]
    public static partial void NotBuilt(ILogger logger);

    [LoggerMessage(102, LogLevel.Warning, "Gateway:Ide is enabled but Gateway:Introspection is false: the IDE cannot read the schema (no completion, no docs).")]
    public static partial void IntrospectionOff(ILogger logger);
}
