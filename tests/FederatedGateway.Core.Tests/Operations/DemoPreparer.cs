using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;

namespace FederatedGateway.Core.Tests.Operations;

/// <summary>Operation preparers over the demo supergraph (traders, orders, portfolio), built once per process.</summary>
internal static class DemoPreparer
{
    private static readonly Lazy<(FederatedSchema Schema, GraphQL.Types.ISchema Api)> Schemas = new(() =>
    {
        var schema = SupergraphReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Goldens", "demo", "supergraph.graphql")));
        return (schema, ApiSchemaFactory.Create(schema, ApiSchemaPrinter.Print(schema)));
    });

    public static OperationPreparer Create(OperationLimits? limits = null, OperationCacheOptions? cache = null) =>
        new(Schemas.Value.Schema, Schemas.Value.Api, limits, cache);

    public static Task<PrepareResult> PrepareAsync(this OperationPreparer preparer, string query, CancellationToken cancellationToken = default) =>
        preparer.PrepareAsync(query, null, default, cancellationToken).AsTask();

    /// <summary><c>{ me { name } }</c> as root fields, <paramref name="count"/> times (valid, every copy the same field).</summary>
    public static string RepeatedMe(int count) =>
        "{" + string.Concat(Enumerable.Repeat(" me { name }", count)) + " }";
}
