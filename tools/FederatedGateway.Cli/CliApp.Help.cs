namespace FederatedGateway.Cli;

/// <summary>The help text of each command (<c>fgw &lt;command&gt; --help</c>).</summary>
internal sealed partial class CliApp
{
    private static readonly Dictionary<string, string> CommandHelp = new(StringComparer.Ordinal)
    {
        ["compose"] = """
            fgw compose — compose subgraph schemas into a supergraph

            Usage:
              fgw compose --config <supergraph.yaml> [--output <file>]

            Options:
              --config <file>   a supergraph config in rover's shape (required):
                                  federation_version: =2.3          # optional
                                  subgraphs:
                                    accounts:
                                      routing_url: http://127.0.0.1:4101/graphql
                                      schema:
                                        file: ./accounts.graphql  # relative to the config's folder
                                    orders:
                                      routing_url: http://127.0.0.1:4103/graphql
                                      schema:
                                        subgraph_url: http://127.0.0.1:4103/graphql   # POSTs { _service { sdl } }
                                    marketdata:                     # a gRPC service joins as a subgraph
                                      schema:
                                        grpc:
                                          url: grpc://127.0.0.1:4104
                                          descriptor_set: ./grpc/market_data.pb   # protoc --include_imports output
                                          # reflection: true        # instead: ask the running service
                                          # int64_as_number: true   # 64-bit integers as JSON numbers
                                          # services: market.v1.MarketData   # only these (comma-separated)
                                    settlement:                     # a REST API joins through its OpenAPI document
                                      schema:
                                        openapi:
                                          document: ./settlement.openapi.json   # or an http(s) URL
                                          base_url: http://127.0.0.1:4107/
                                    fx:                             # a SOAP service joins through its WSDL
                                      schema:
                                        soap:
                                          wsdl: ./fx-rates.wsdl
                                  (entities, relations, operations, headers, auth: docs/rest-and-soap.md)
              --output <file>   write the supergraph there instead of to stdout

            Output: the supergraph SDL (Apollo's format) on stdout or in --output, nothing else on stdout.
            Errors and hints go to stderr as  error[CODE] subgraph element (file:line:col): message  with a hint line.

            Exit codes: 0 composed, 1 composition errors, 2 bad usage or unreadable input (missing file, bad YAML,
            unreachable subgraph_url, which is given 30 s to answer).
            """,
        ["print-schema"] = """
            fgw print-schema — the client-facing API schema of a supergraph

            Usage:
              fgw print-schema --supergraph <file>

            Prints the API schema as SDL: no join/link machinery, no @inaccessible elements.

            Exit codes: 0 printed, 2 bad usage or a missing or invalid supergraph file.
            """,
        ["plan"] = """
            fgw plan — the query plan of an operation

            Usage:
              fgw plan --supergraph <file> --query <file> [--operation <name>] [--variables <json>]

            Options:
              --supergraph <file>  the supergraph SDL file (required)
              --query <file>       a file with the operation(s) (required)
              --operation <name>   which operation, when the file has several
              --variables <json>   variable values, e.g. '{"status":"OPEN"}' (they can decide @skip/@include)

            Exit codes: 0 planned, 1 the operation does not validate or cannot be planned (errors with file:line:col on
            stderr), 2 bad usage or unreadable input.
            """,
        ["schema-diff"] = """
            fgw schema-diff — the changes between two schemas

            Usage:
              fgw schema-diff --before <file> --after <file> [--format text|json]

            Options:
              --before <file>   the current schema: GraphQL SDL, or a supergraph (then its client-facing API schema)
              --after <file>    the proposed schema, the same way
              --format <kind>   text (one line per change, the default) or json (an array of
                                {kind, criticality, coordinate, message})

            Changes are classified as GraphQL Inspector does: breaking (existing operations may fail), dangerous
            (they still run but may see something new, e.g. an added enum value) and safe; breaking ones first.

            Exit codes: 0 no breaking change, 1 at least one breaking change, 2 bad usage or an unreadable or
            invalid schema file.
            """,
        ["subgraph"] = """
            fgw subgraph — publish, check or delete subgraphs in a schema registry

            Usage:
              fgw subgraph publish --registry <url> --graph <name@variant> --name <subgraph> --schema <file> --routing-url <url>
                                   [--commit <sha>] [--message <text>] [--format text|json]
              fgw subgraph check   --registry <url> --graph <name@variant> --name <subgraph> --schema <file> [--commit <sha>] [--format text|json]
              fgw subgraph delete  --registry <url> --graph <name@variant> --name <subgraph> [--commit <sha>] [--message <text>]

            The registry token is read from FGW_REGISTRY_TOKEN. A publish composes the variant with the new schema and,
            when that works, makes it a new version that gateways following the variant pick up. A check is kept by
            the registry; its link is printed ("details:") for the CI log or a pull-request comment.

            Exit codes: 0 published (or unchanged) / check passed / deleted, 1 the variant would not compose or the
            check found breaking changes, 2 bad usage, no token, a refused token or an unreachable registry.
            """,
        ["publish"] = "fgw subgraph publish: see fgw subgraph --help",
        ["check"] = "fgw subgraph check: see fgw subgraph --help",
        ["delete"] = "fgw subgraph delete: see fgw subgraph --help",
        ["graph"] = """
            fgw graph — the versions of a graph variant in a schema registry

            Usage:
              fgw graph history  --registry <url> --graph <name@variant> [--limit <n>] [--format text|json]
              fgw graph rollback --registry <url> --graph <name@variant> --to <version> [--message <text>]
              fgw graph fetch    --registry <url> --graph <name@variant> [--version <n>] [--output <file>]

            The registry token is read from FGW_REGISTRY_TOKEN (rollback needs an admin token). A rollback makes
            the subgraphs of an earlier version current again as a new version: history only grows.

            Exit codes: 0 done, 1 the rollback would not compose, 2 bad usage, no token, a refused token or an
            unreachable registry.
            """,
        ["documents"] = """
            fgw documents — the trusted documents of a graph variant in a schema registry

            Usage:
              fgw documents publish --registry <url> --graph <name@variant> --manifest <file> [--commit <sha>] [--message <text>]
                                    [--format text|json]

            The manifest is a persisted query list: Apollo's format ({"format":"apollo-persisted-query-manifest",
            "version":1,"operations":[{"id","name","body"}]}) or an {"id": "document"} map. Every document must run on the
            variant's current schema, or none is registered. From then on every check of the variant validates them
            against the proposed schema, and fails naming each document that would no longer run. Gateways can enforce
            the list: GET <registry>/graphs/<graph>/variants/<variant>/documents returns it in Apollo's format.

            The registry token is read from FGW_REGISTRY_TOKEN (publish scope). Exit codes: 0 registered, 1 a document
            would not run (each is named), 2 bad usage, an unreadable manifest, no token, a refused token or an
            unreachable registry.
            """,
        ["documents publish"] = "fgw documents publish: see fgw documents --help",
        ["history"] = "fgw graph history: see fgw graph --help",
        ["rollback"] = "fgw graph rollback: see fgw graph --help",
        ["fetch"] = "fgw graph fetch: see fgw graph --help",
    };
}
