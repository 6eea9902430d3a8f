using System.Text.Json;
using FederatedGateway.OpenApi.Translation;

namespace FederatedGateway.OpenApi.Client;

/// <summary>
/// Calls one operation of a service described by an <see cref="ApiTranslation"/> (a REST API, a SOAP service) and gives
/// its answer as JSON in the translation's terms (properties named as the type model's JSON names), or the field's error.
/// </summary>
public interface IApiCaller
{
    /// <param name="arguments">The operation's arguments as one JSON object; the implementation disposes it.</param>
    /// <param name="forwarded">The headers the gateway's propagation rules give this subgraph for the client's request.</param>
    Task<ApiAnswer> CallAsync(OperationBinding binding, JsonDocument arguments, IReadOnlyList<KeyValuePair<string, string>>? forwarded, CancellationToken cancellationToken);
}
