using GraphQL.Introspection;
using GraphQL.Types;
using GraphQL.Utilities;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// The GraphQL.NET schema of the API, with the introspection of the October 2021 specification plus <c>@oneOf</c>:
/// <c>__Directive.isRepeatable</c>, deprecated arguments and input fields (<c>includeDeprecated</c>),
/// <c>__Type.isOneOf</c>, and what GraphQL.NET lacks: <c>__Type.specifiedByURL</c> and the
/// <c>@specifiedBy</c> directive.
/// </summary>
internal sealed class ApiGraphQLSchema : GraphQL.Types.Schema
{
    private readonly IReadOnlyDictionary<string, string> _specifiedByUrls;
    private readonly IReadOnlySet<string> _oneOfInputs;

    // GraphQL.NET's schema creates the graph types it is given by CLR type (built-in scalars, introspection) with
    // Activator.CreateInstance, which trimming may break. Only the build-time analyzer is silenced here: a native
    // publish still reports it, and stays an unsupported experiment until that path is verified (docs/benchmarks.md).
#pragma warning disable IL2026
    public ApiGraphQLSchema(IReadOnlyDictionary<string, string> specifiedByUrls, IReadOnlySet<string> oneOfInputs)
#pragma warning restore IL2026
    {
        _specifiedByUrls = specifiedByUrls;
        _oneOfInputs = oneOfInputs;
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
        if (Directives.Find("specifiedBy") is null)
        {
            Directives.Register(new SpecifiedByDirective());
        }

        if (Directives.Find("oneOf") is null)
        {
            Directives.Register(new OneOfDirective());
        }
    }

    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        switch (graphType)
        {
            case __Type type when type.GetField("specifiedByURL") is null:
                type.Field<StringGraphType>("specifiedByURL")
                    .Resolve(context => context.Source is ScalarGraphType scalar && _specifiedByUrls.TryGetValue(scalar.Name, out var url) ? url : null);
                break;
            case __Directive directive when directive.GetField("args") is { } args && args.Arguments?.Find("includeDeprecated") is null:
                // Tools that ask for deprecated input values ask for them on directives too (graphql-js 16).
                args.Arguments ??= new QueryArguments();
                args.Arguments.Add(new QueryArgument<BooleanGraphType> { Name = "includeDeprecated", DefaultValue = false });
                break;
            case IInputObjectGraphType input when _oneOfInputs.Contains(input.Name):
                input.IsOneOf = true;
                break;
        }

        base.OnBeforeInitializeType(graphType);
    }

    /// <summary>Builds an <see cref="ApiGraphQLSchema"/> from SDL (set <see cref="SpecifiedByUrls"/> and <see cref="OneOfInputs"/> first).</summary>
    internal sealed class Builder : SchemaBuilder
    {
        public IReadOnlyDictionary<string, string> SpecifiedByUrls { get; set; } = new Dictionary<string, string>();

        public IReadOnlySet<string> OneOfInputs { get; set; } = new HashSet<string>();

        protected override GraphQL.Types.Schema CreateSchema() => new ApiGraphQLSchema(SpecifiedByUrls, OneOfInputs);
    }

    /// <summary><c>@specifiedBy(url:)</c> (a type-system directive GraphQL.NET lists only when told to).</summary>
    private sealed class SpecifiedByDirective : Directive
    {
        public SpecifiedByDirective()
            : base("specifiedBy", DirectiveLocation.Scalar)
        {
            Description = "Exposes a URL that specifies the behavior of this scalar.";
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(new StringGraphType()))
            {
                Name = "url",
                Description = "The URL that specifies the behavior of this scalar.",
            });
        }

        public override bool? Introspectable => true;
    }

    /// <summary><c>@oneOf</c> on input objects.</summary>
    private sealed class OneOfDirective : Directive
    {
        public OneOfDirective()
            : base("oneOf", DirectiveLocation.InputObject)
        {
            Description = "Indicates exactly one field must be supplied and this field must not be `null`.";
        }

        public override bool? Introspectable => true;
    }
}
