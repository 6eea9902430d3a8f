using FederatedGateway.Core.Schema;
using GraphQL.Types;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// Builds the GraphQL.NET schema of the API SDL, used for validation and introspection only (never to resolve
/// data): custom scalars accept any value, as the subgraphs own their coercion.
/// </summary>
public static class ApiSchemaFactory
{
    private static readonly HashSet<string> BuiltInScalars = new(StringComparer.Ordinal) { "Int", "Float", "String", "Boolean", "ID" };

    public static ISchema Create(FederatedSchema schema, string apiSdl)
    {
        var built = GraphQL.Types.Schema.For<ApiGraphQLSchema.Builder>(apiSdl, builder =>
        {
            builder.IgnoreComments = true;
            builder.SpecifiedByUrls = schema.Types.Values
                .Where(t => t.Kind == TypeKind.Scalar && t.SpecifiedByUrl is not null)
                .ToDictionary(t => t.Name, t => t.SpecifiedByUrl!, StringComparer.Ordinal);
            builder.OneOfInputs = schema.Types.Values.Where(t => t.IsOneOf).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var type in schema.Types.Values)
            {
                if (type.Name == schema.SubscriptionType)
                {
                    // GraphQL.NET wants a stream for each subscription field; this schema never executes them.
                    foreach (var field in type.Fields.Values)
                    {
                        builder.Types.For(type.Name).FieldFor(field.Name).StreamResolver =
                            new GraphQL.Resolvers.SourceStreamResolver<object?>(_ => new NeverObservable());
                    }
                }

                if (type.IsAbstract && !type.Inaccessible)
                {
                    // Never used to resolve data: the gateway reads __typename from subgraph answers.
                    builder.Types.For(type.Name).ResolveType = _ => null!;
                }
            }
        });
        foreach (var type in schema.Types.Values)
        {
            if (type.Kind == TypeKind.Scalar && !type.Inaccessible && !BuiltInScalars.Contains(type.Name))
            {
                built.RegisterType(new PassThroughScalar(type.Name, type.Description));
            }
        }

        built.Initialize();
        return built;
    }

    private sealed class NeverObservable : IObservable<object?>
    {
        public IDisposable Subscribe(IObserver<object?> observer) => new Nothing();

        private sealed class Nothing : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }

    /// <summary>A custom scalar: any JSON value goes through (see <see cref="VariableFastPath"/>).</summary>
    internal sealed class PassThroughScalar : ComplexScalarGraphType
    {
        public PassThroughScalar(string name, string? description)
        {
            Name = name;
            Description = description;
        }
    }
}
