using System.Buffers;
using System.Text.Json;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Core.Planning.Selections;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;
using FederatedGateway.Execution.Execution;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace FederatedGateway.Execution.Tests;

/// <summary>
/// A small two-subgraph supergraph, and helpers to run hand-built plans against fake subgraphs: the executor is
/// tested without the planner, so each test states exactly which fetches run.
/// </summary>
internal static class TestGraph
{
    public const string Sdl = """
        schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION) { query: Query }
        directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
        directive @join__graph(name: String!, url: String!) on ENUM_VALUE
        directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE
        directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
        directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION
        directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
        scalar join__FieldSet
        scalar link__Import
        enum link__Purpose { SECURITY EXECUTION }
        enum join__Graph {
          A @join__graph(name: "a", url: "http://a.example/graphql")
          B @join__graph(name: "b", url: "http://b.example/graphql")
        }
        interface Animal @join__type(graph: A) { name: String! }
        union Pet @join__type(graph: A) @join__unionMember(graph: A, member: "Dog") @join__unionMember(graph: A, member: "Cat") = Dog | Cat
        type Dog implements Animal @join__implements(graph: A, interface: "Animal") @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
          id: ID!
          name: String! @join__field(graph: A)
          weight: Int @join__field(graph: A) @join__field(graph: B, external: true)
          tags: [[String]] @join__field(graph: A)
          friends: [Dog!] @join__field(graph: A)
          barks: Boolean! @join__field(graph: B)
          owner: String @join__field(graph: B)
          size: String @join__field(graph: B, requires: "weight")
        }
        type Cat implements Animal @join__implements(graph: A, interface: "Animal") @join__type(graph: A) {
          name: String!
          lives: Int
        }
        type Query @join__type(graph: A) @join__type(graph: B) {
          animals: [Animal!]! @join__field(graph: A)
          pets: [Pet] @join__field(graph: A)
          dog: Dog @join__field(graph: A)
          mustDog: Dog! @join__field(graph: A)
          grid: [[Dog]] @join__field(graph: A)
          count: Int @join__field(graph: B)
          requiredCount: Int! @join__field(graph: B)
        }
        """;

    public static readonly FederatedSchema Schema = SupergraphReader.Read(Sdl);

    /// <summary>The client's operation, normalized; <paramref name="plan"/> is what the executor runs.</summary>
    public static PreparedOperation Prepare(string query, PlanNode? plan)
    {
        var document = GraphQLParser.Parser.Parse(query);
        GraphQLOperationDefinition? operation = null;
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLOperationDefinition o:
                    operation = o;
                    break;
                case GraphQLFragmentDefinition f:
                    fragments[f.FragmentName.Name.StringValue] = f;
                    break;
            }
        }

        var root = new SelectionSetBuilder(Schema, fragments).Build("Query", operation!.SelectionSet);
        return new PreparedOperation(OperationKind.Query, null, "Query", root, Array.Empty<VariableDefinition>(), document, operation, new QueryPlan(plan));
    }

    /// <summary>A root fetch of <paramref name="operation"/>: a selection (<c>{dog{name}}</c>), or a query declaring the variables it forwards.</summary>
    public static FetchNode Root(string service, string operation)
    {
        var definition = GraphQLParser.Parser.Parse(operation).Definitions.OfType<GraphQLOperationDefinition>().Single();
        var printer = new SDLPrinter();
        var variables = definition.Variables?.Items
            .Select(v => new VariableDefinition(v.Variable.Name.StringValue, printer.Print(v.Type), v.DefaultValue is null ? null : printer.Print(v.DefaultValue)))
            .ToArray() ?? [];
        return new FetchNode(service, OperationKind.Query, null, variables, Array.Empty<EntityRequirement>(), PlanSelectionReader.Read(Schema, "Query", definition.SelectionSet));
    }

    public static FetchNode Entities(string service, string selection, params EntityRequirement[] requirements) =>
        EntitiesWithVariables(service, selection, Array.Empty<VariableDefinition>(), requirements);

    /// <param name="selection">What is selected under <c>_entities</c>: <c>...on Dog{owner}</c>.</param>
    public static FetchNode EntitiesWithVariables(string service, string selection, VariableDefinition[] variables, params EntityRequirement[] requirements) =>
        new(service, OperationKind.Query, null, variables, requirements, PlanSelectionReader.Read(Schema, "_Entity", SelectionSet(selection)));

    /// <summary>Objects of <paramref name="type"/> are sent with <paramref name="fields"/> (a field set on that type).</summary>
    public static EntityRequirement Requirement(string type, string fields, string? representationTypename = null)
    {
        var shown = PlanSelectionReader.Read(Schema, type, SelectionSet("__typename " + fields));
        return new(type, representationTypename, SelectionSetBuilder.ParseFieldSet(Schema, type, fields), new PlanInlineFragment(type, default, shown));
    }

    private static GraphQLSelectionSet SelectionSet(string selection) =>
        GraphQLParser.Parser.Parse("{" + selection + "}").Definitions.OfType<GraphQLOperationDefinition>().Single().SelectionSet;

    /// <summary>A flatten node over paths written like the plan printer: <c>animals.@|[Dog]</c>.</summary>
    public static FlattenNode Flatten(FetchNode fetch, params string[] paths)
    {
        var parsed = new List<IReadOnlyList<PathSegment>>();
        foreach (var path in paths)
        {
            var segments = new List<PathSegment>();
            foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                var filter = part.IndexOf("|[", StringComparison.Ordinal);
                var head = filter >= 0 ? part[..filter] : part;
                if (head == "@")
                {
                    segments.Add(PathSegment.List);
                }
                else if (head.Length > 0)
                {
                    segments.Add(PathSegment.Field(head));
                }

                if (filter >= 0)
                {
                    segments.Add(PathSegment.TypeFilter(part[(filter + 2)..^1]));
                }
            }

            parsed.Add(segments);
        }

        return new FlattenNode(parsed, fetch);
    }

    public static SequenceNode Sequence(params PlanNode[] nodes) => new(nodes);

    public static ParallelNode Parallel(params PlanNode[] nodes) => new(nodes);

    /// <summary>Runs <paramref name="operation"/>; Boolean variables are taken from <paramref name="variables"/>.</summary>
    public static async Task<JsonElement> Run(
        PreparedOperation operation,
        FakeSubgraphs subgraphs,
        string variables = "{}",
        string? introspection = null,
        CancellationToken cancellationToken = default,
        SubgraphErrorPolicy? errorPolicy = null)
    {
        using var vars = JsonDocument.Parse(variables);
        var booleans = new Dictionary<string, bool>();
        foreach (var property in vars.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                booleans[property.Name] = property.Value.GetBoolean();
            }
        }

        var executor = new OperationExecutor(Schema, new SubgraphRegistry(Schema, subgraphs));
        ReadOnlyMemory<byte> introspectionBytes = introspection is null ? default : System.Text.Encoding.UTF8.GetBytes(introspection);

        // Twice: into a plain buffer (the response writer always runs its null-checking pass first), then into a
        // pooled one (the gateway's path: one pass, starting over with the check when a null or error shows up).
        // Both must give the same bytes; the second run's subgraph requests are not kept.
        var input = new ExecutionInput
        {
            Operation = operation, Variables = vars.RootElement, Booleans = booleans, Introspection = introspectionBytes, ErrorPolicy = errorPolicy, Aborted = cancellationToken,
        };
        var checkedOutput = new ArrayBufferWriter<byte>();
        await executor.ExecuteAsync(input, checkedOutput);
        var requests = subgraphs.Requests.Count;
        using var output = new PooledBufferWriter(256);
        await executor.ExecuteAsync(input, output);
        subgraphs.Requests.RemoveRange(requests, subgraphs.Requests.Count - requests);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(checkedOutput.WrittenSpan), System.Text.Encoding.UTF8.GetString(output.WrittenSpan));

        using var response = JsonDocument.Parse(output.WrittenMemory);
        return response.RootElement.Clone();
    }

    public static async Task<JsonElement> Run(string query, PlanNode? plan, FakeSubgraphs subgraphs, string variables = "{}") =>
        await Run(Prepare(query, plan), subgraphs, variables);

    public static string Data(JsonElement response) => response.GetProperty("data").GetRawText();

    public static JsonElement[] Errors(JsonElement response) =>
        response.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().ToArray() : Array.Empty<JsonElement>();

    public static string Path(JsonElement error) => error.TryGetProperty("path", out var path) ? path.GetRawText() : "none";

    public static string? Code(JsonElement error) =>
        error.TryGetProperty("extensions", out var e) && e.TryGetProperty("code", out var c) ? c.GetString() : null;
}
