namespace FederatedGateway.Execution.Pipeline;

/// <summary>
/// The places of the request path, in order. The gateway's own stages use these values; a stage added later
/// (identity, persisted documents, authorization, cost) takes its named place, or a value between two.
/// </summary>
public static class RequestStageOrder
{
    /// <summary>Starts the whole-request deadline and answers <c>REQUEST_TIMEOUT</c> when it passes before anything else does.</summary>
    public const int Deadline = 0;

    /// <summary>Bounds the operations executing at once and sheds what does not fit (503).</summary>
    public const int LoadShedding = 50;

    /// <summary>Establishes who is asking (<see cref="RequestContext.User"/>).</summary>
    public const int Identity = 100;

    /// <summary>Rate limits per client, operation name or globally, before any parsing.</summary>
    public const int RateLimit = 150;

    /// <summary>Replaces a document id by the stored document, or refuses documents that are not trusted.</summary>
    public const int PersistedDocuments = 200;

    /// <summary>Parse, limits, validation, variable coercion and planning (cached per document).</summary>
    public const int Prepare = 300;

    /// <summary>Usage analytics: counts the operation as the client sent it, with its outcome and latency.</summary>
    public const int Usage = 310;

    /// <summary>Rate limits per operation name, once the operation (and so its real name) is known.</summary>
    public const int OperationRateLimit = 350;

    /// <summary>Checks the prepared operation against the gateway's rules: introspection switch, HTTP method, transport.</summary>
    public const int OperationPolicy = 400;

    /// <summary>Field authorization on the prepared operation, before anything is fetched.</summary>
    public const int Authorize = 500;

    /// <summary>Demand control: the operation's cost against its budget.</summary>
    public const int Cost = 600;

    /// <summary>Rate limits counted in cost units (a budget of estimated cost per client), once the cost is estimated.</summary>
    public const int CostRateLimit = 610;

    /// <summary>Works out the headers each subgraph gets from the client's headers and identity.</summary>
    public const int Headers = 650;

    /// <summary>Runs introspection and the plan, and writes the response.</summary>
    public const int Execute = 700;
}
