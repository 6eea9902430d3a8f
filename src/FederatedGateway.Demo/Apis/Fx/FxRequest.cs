namespace FederatedGateway.Demo.Apis.Fx;

/// <summary>The operation element of a request's SOAP body (its local name) and its child elements' texts, in order.</summary>
internal sealed record FxRequest(string Operation, IReadOnlyList<KeyValuePair<string, string>> Parts)
{
    /// <summary>The text of every child element named <paramref name="name"/>.</summary>
    public IEnumerable<string> All(string name) => Parts.Where(p => p.Key == name).Select(p => p.Value);

    /// <summary>The text of the one child element named <paramref name="name"/>.</summary>
    /// <exception cref="FxFaultException">There is none, or more than one.</exception>
    public string One(string name) => All(name).ToList() is [var value]
        ? value
        : throw FxFaultException.Sender($"{Operation} needs exactly one {name}.");
}
