namespace FederatedGateway.Testing.Graphs;

/// <summary>
/// A supergraph whose query <see cref="Query"/> plans into two independent branches of different depth: the root
/// fetch (<c>r</c>), then <c>a</c>'s entity fetch to <c>s</c> followed by one to <c>t</c> for <c>a.extra</c>, and
/// <c>b</c>'s single entity fetch to <c>u</c>. The fetch to <c>t</c> needs only <c>s</c>'s answer, not <c>u</c>'s.
/// </summary>
public static class TwoBranchGraph
{
    public const string Query = "{ a { id extra { id detail } } b { id slow } }";

    /// <summary>The supergraph; subgraph URLs are placeholders (overridden by tests that run it).</summary>
    public const string Supergraph = """
        schema
          @link(url: "https://specs.apollo.dev/link/v1.0")
          @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
        {
          query: Query
        }

        directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
        directive @join__graph(name: String!, url: String!) on ENUM_VALUE
        directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE
        directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
        directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA

        scalar join__FieldSet
        scalar link__Import

        enum link__Purpose {
          SECURITY
          EXECUTION
        }

        enum join__Graph {
          R @join__graph(name: "r", url: "http://127.0.0.1:1/graphql")
          S @join__graph(name: "s", url: "http://127.0.0.1:2/graphql")
          T @join__graph(name: "t", url: "http://127.0.0.1:3/graphql")
          U @join__graph(name: "u", url: "http://127.0.0.1:4/graphql")
        }

        type A
          @join__type(graph: R, key: "id")
          @join__type(graph: S, key: "id")
        {
          id: ID!
          extra: E @join__field(graph: S)
        }

        type B
          @join__type(graph: R, key: "id")
          @join__type(graph: U, key: "id")
        {
          id: ID!
          slow: String @join__field(graph: U)
        }

        type E
          @join__type(graph: S, key: "id")
          @join__type(graph: T, key: "id")
        {
          id: ID!
          detail: String @join__field(graph: T)
        }

        type Query
          @join__type(graph: R)
          @join__type(graph: S)
          @join__type(graph: T)
          @join__type(graph: U)
        {
          a: A @join__field(graph: R)
          b: B @join__field(graph: R)
        }
        """;
}
