using FederatedGateway.Core.Authorization;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;
using FederatedGateway.Execution.Execution;
using FederatedGateway.Execution.Introspection;
using FederatedGateway.Execution.Sources;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Gateway;

/// <summary>
/// Everything a request needs, built once from one supergraph and never changed: schema, API schema,
/// operation cache and planner, executor. A reload builds a new snapshot and swaps it whole.
/// </summary>
public sealed class GatewaySnapshot
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<object, object> _derived = new();

    private GatewaySnapshot(
        string supergraphSdl, FederatedSchema schema, string apiSdl, OperationLimits limits, OperationPreparer preparer, IntrospectionExecutor introspection,
        OperationExecutor executor, AuthorizationRequirements authorization)
    {
        SupergraphSdl = supergraphSdl;
        Authorization = authorization;
        Limits = limits;
        Schema = schema;
        ApiSdl = apiSdl;
        Preparer = preparer;
        Introspection = introspection;
        Executor = executor;
    }

    /// <summary>The supergraph document this snapshot was built from (for features that read directives the schema model does not keep).</summary>
    public string SupergraphSdl { get; }

    public FederatedSchema Schema { get; }

    public string ApiSdl { get; }

    /// <summary>The supergraph's authorization directives (empty when it has none).</summary>
    public AuthorizationRequirements Authorization { get; }

    public OperationPreparer Preparer { get; }

    /// <summary>The document limits requests are held to.</summary>
    public OperationLimits Limits { get; }

    public IntrospectionExecutor Introspection { get; }

    public OperationExecutor Executor { get; }

    /// <param name="limits">The document limits; <see cref="OperationLimits.Default"/> when null.</param>
    /// <param name="cache">The operation cache's bounds; <see cref="OperationCacheOptions.Default"/> when null.</param>
    /// <exception cref="SupergraphException">The supergraph cannot be loaded.</exception>
    public static GatewaySnapshot Build(
        string supergraphSdl,
        ISubgraphClient client,
        IReadOnlyDictionary<string, string>? urlOverrides = null,
        OperationLimits? limits = null,
        OperationCacheOptions? cache = null) =>
        Build(supergraphSdl, [new SingleClientFactory(client)], urlOverrides, limits, cache);

    /// <summary>A snapshot whose subgraphs are each served by the first of <paramref name="sources"/> that can handle it.</summary>
    public static GatewaySnapshot Build(
        string supergraphSdl,
        IReadOnlyList<ISubgraphClientFactory> sources,
        IReadOnlyDictionary<string, string>? urlOverrides = null,
        OperationLimits? limits = null,
        OperationCacheOptions? cache = null)
    {
        var schema = SupergraphReader.Read(supergraphSdl);
        var apiSdl = ApiSchemaPrinter.Print(schema);
        GraphQL.Types.ISchema api;
        try
        {
            api = ApiSchemaFactory.Create(schema, apiSdl);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or GraphQLParser.Exceptions.GraphQLParserException)
        {
            throw new SupergraphException("The API schema derived from the supergraph is invalid: " + ex.Message);
        }

        limits ??= OperationLimits.Default;
        return new GatewaySnapshot(
            supergraphSdl,
            schema,
            apiSdl,
            limits,
            new OperationPreparer(schema, api, limits, cache),
            new IntrospectionExecutor(api),
            new OperationExecutor(schema, new SubgraphRegistry(schema, sources, urlOverrides)) { MaxErrors = limits.MaxErrors },
            ReadAuthorization(supergraphSdl));
    }

    /// <summary>
    /// What a feature derives once from this snapshot (a cost model, authorization requirements…), created on first
    /// use, keyed by an object the feature owns, and dropped with the snapshot.
    /// </summary>
    public T Derived<T>(object key, Func<GatewaySnapshot, T> create)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(create);
        return (T)_derived.GetOrAdd(key, static (_, state) => state.create(state.snapshot), (create, snapshot: this));
    }

    /// <summary>The authorization directives, read only from a supergraph that links one of their specs.</summary>
    private static AuthorizationRequirements ReadAuthorization(string supergraphSdl) =>
        supergraphSdl.Contains("specs.apollo.dev/authenticated/", StringComparison.Ordinal)
        || supergraphSdl.Contains("specs.apollo.dev/requiresScopes/", StringComparison.Ordinal)
        || supergraphSdl.Contains("specs.apollo.dev/policy/", StringComparison.Ordinal)
            ? AuthorizationRequirementsReader.Read(supergraphSdl)
            : AuthorizationRequirements.Empty;
}
