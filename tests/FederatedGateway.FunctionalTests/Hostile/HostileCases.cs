using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using FederatedGateway.Demo;

namespace FederatedGateway.FunctionalTests.Hostile;

using Send = Func<HostileServerFixture, CancellationToken, Task<HostileResponse>>;

/// <summary>
/// The hostile-input table: every case names its attack, the answer docs/operations.md "Limits and production defaults" documents
/// (Production defaults MaxTokens 20000, MaxDepth 32, MaxAliases 256, MaxRootFields 64,
/// MaxSelections 5000, MaxDirectivesPerField 16, MaxFragments 256, MaxErrors 100, MaxRequestBodySize 2 MiB,
/// introspection off) and what it may cost. Limits are probed well inside and well outside their value, never at
/// the boundary, so the cases do not depend on how a limit counts its last unit.
/// </summary>
public static class HostileCases
{
    private const string Limit = "OPERATION_LIMIT_EXCEEDED";
    private const string Validation = "GRAPHQL_VALIDATION_FAILED";
    private const string Parse = "GRAPHQL_PARSE_FAILED";
    private const string BadRequest = "BAD_REQUEST";
    private const string BadInput = "BAD_USER_INPUT";
    private const string Introspection = "INTROSPECTION_DISABLED";
    private const string TooLarge = "OPERATION_TOO_LARGE"; // the planner's own guard against expanded selections
    private const string Gql = HostileServerFixture.GraphQLResponseJson;
    private const string PlaceOrder = "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }";
    private const string OrderUpdates = "subscription { orderStatusChanged(traderId: \"t1\") { id status } }";
    private const int MiB = 1024 * 1024;

    /// <summary>The CPU bound of cases that send a 1.9 MB document (reading, parsing and forwarding it is real work).</summary>
    private static readonly TimeSpan HugeDocumentCpu = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The wall bound of a 1.9 MB request: sending, reading and answering it took 2.2 s once on a CI-like run with the
    /// other test projects running beside it (server CPU 380 ms), so the wall bound is generous and the CPU bound is
    /// the one that tells a quadratic pass.
    /// </summary>
    private static readonly TimeSpan HugeDocumentWall = TimeSpan.FromSeconds(6);

    private static readonly Lazy<IReadOnlyList<HostileCase>> Table = new(Build);

    public static IReadOnlyList<HostileCase> All => Table.Value;

    public static HostileCase ByName(string name) => All.Single(c => c.Name == name);

    public static TheoryData<string> Names
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (var hostileCase in All)
            {
                names.Add(hostileCase.Name);
            }

            return names;
        }
    }

    private static List<HostileCase> Build()
    {
        var cases = new List<HostileCase>();
        Depth(cases);
        Width(cases);
        Aliases(cases);
        Fragments(cases);
        Directives(cases);
        Strings(cases);
        Numbers(cases);
        Encodings(cases);
        Envelope(cases);
        Batching(cases);
        IntrospectionCases(cases);
        Operations(cases);
        ParseCases(cases);
        GetCases(cases);
        Http(cases);
        WebSockets(cases);
        ServerSentEvents(cases);

        var duplicate = cases.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException("Two hostile cases are named " + duplicate.Key);
        }

        return cases;
    }

    // ---- depth ---------------------------------------------------------------------------------------------------

    private static void Depth(List<HostileCase> cases)
    {
        cases.Add(new("depth-selections-40", "40 nested selection sets (Trader.orders -> Order.trader ...) exceed MaxDepth 32",
            Post(Nested(40)), Expect.Request(Limit)));
        cases.Add(new("depth-selections-20-ok", "20 nested selection sets are well inside MaxDepth 32 and execute (empty CANCELLED lists keep the answer small)",
            Post(Nested(20)), Expect.Ok()));
        cases.Add(new("depth-selections-1000", "1,000 nested selection sets (5k tokens, under MaxTokens): the depth limit must reject them before validation, not the parser's own recursion guard",
            Post(Nested(1000)), Expect.Request(Limit)));
        cases.Add(new("depth-selections-80000", "80,000 nested selection sets (1.6 MB): over MaxTokens and MaxDepth, rejected without deep recursion",
            Post(() => Nested(80_000)), Expect.Request(Limit)));
        cases.Add(new("depth-fragment-chain-40", "40 fragments each adding two levels (depth 80 once fragments are followed) exceed MaxDepth 32",
            Post(DeepFragmentChain(40)), Expect.Request(Limit)));
        cases.Add(new("depth-inline-fragments-2000", "2,000 nested inline fragments: no field depth but a very deep document; a clean 400 without deep recursion",
            Post("{ me { " + Repeat("... on Trader { ", 2000) + "id" + Repeat(" }", 2000) + " } }"), Expect.Request(Limit), Expect.Request(Parse)));
        cases.Add(new("depth-list-literal-60", "a list literal nested 60 deep where an ID is expected is a validation error",
            Post("{ trader(id: " + Repeat("[", 60) + "1" + Repeat("]", 60) + ") { id } }"), Expect.Request(Validation)));
        cases.Add(new("depth-list-literal-5000", "a list literal nested 5,000 deep (10k tokens): rejected before any recursive value walk",
            Post("{ trader(id: " + Repeat("[", 5000) + "1" + Repeat("]", 5000) + ") { id } }"), Expect.Request(Limit), Expect.Request(Parse)));
        cases.Add(new("depth-object-literal-30", "an input object literal nested 30 deep in placeOrder(input:) is a validation error (never executed)",
            Post("mutation { placeOrder(input: { traderId: " + Repeat("{ a: ", 30) + "1" + Repeat(" }", 30) + " }) { id } }"), Expect.Request(Validation)));
        cases.Add(new("depth-object-literal-4000", "an input object literal nested 4,000 deep (16k tokens): rejected before any recursive value walk",
            Post("mutation { placeOrder(input: " + Repeat("{ a: ", 4000) + "1" + Repeat(" }", 4000) + ") { id } }"), Expect.Request(Limit), Expect.Request(Parse)));
        cases.Add(new("depth-variables-json-100", "a variable value nested 100 deep in JSON (inside the envelope's JSON depth) is rejected in coercion",
            Post("query($id: ID!) { trader(id: $id) { id } }", "{\"id\":" + Repeat("[", 100) + "1" + Repeat("]", 100) + "}"), Expect.Request(BadInput)));
        cases.Add(new("depth-variables-json-100000", "variables nested 100,000 deep in JSON: the envelope reader refuses them (no recursion, no stack overflow)",
            Post("query($id: ID!) { trader(id: $id) { id } }", "{\"id\":" + Repeat("[", 100_000) + Repeat("]", 100_000) + "}"), Expect.Request(BadRequest)));
        cases.Add(new("depth-input-object-variable-60", "a PlaceOrderInput variable whose traderId is an object nested 60 deep is rejected in coercion (never executed)",
            Post(PlaceOrder, "{\"input\":{\"traderId\":" + Repeat("{\"a\":", 60) + "1" + Repeat("}", 60) + ",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"quantity\":1,\"limitPrice\":1}}"),
            Expect.Request(BadInput)));
        cases.Add(new("depth-body-json-100000", "a body that is 100,000 nested JSON arrays: 400 from the envelope reader",
            PostJson(Repeat("[", 100_000) + Repeat("]", 100_000)), Expect.Request(BadRequest)));
    }

    // ---- width ---------------------------------------------------------------------------------------------------

    private static void Width(List<HostileCase> cases)
    {
        cases.Add(new("width-root-fields-100", "100 aliased root fields exceed MaxRootFields 64",
            Post("{ " + Numbered(100, i => $"r{i}: me {{ id }} ") + "}"), Expect.Request(Limit)));
        cases.Add(new("width-root-fields-40-ok", "40 aliased root fields are inside MaxRootFields 64 and execute",
            Post("{ " + Numbered(40, i => $"r{i}: me {{ id }} ") + "}"), Expect.Ok()));
        cases.Add(new("width-selections-8000", "8,000 selections of one field exceed MaxSelections 5000",
            Post("{ me { " + Repeat("id ", 8000) + "} }"), Expect.Request(Limit)));
        cases.Add(new("width-selections-4000-ok", "4,000 identical selections in one set are allowed: field merging must be linear, not pairwise",
            Post("{ me { " + Repeat("name ", 4000) + "} }"), Expect.Ok()) { MaxCpu = TimeSpan.FromMilliseconds(200) });
        cases.Add(new("width-repeated-me-20000", "the issue's quadratic validation: { me { name } } repeated 20,000 times (80k tokens) costs < 200 ms CPU",
            Post("{ " + Repeat("me { name } ", 20_000) + "}"), Expect.Request(Limit)) { MaxCpu = TimeSpan.FromMilliseconds(200) });
        cases.Add(new("width-repeated-subselections-1200-ok", "orders { id } repeated 1,200 times inside me (inside every limit): merging identical sub-selections is linear, < 200 ms CPU",
            Post("{ me { " + Repeat("orders { id } ", 1200) + "} }"), Expect.Ok()) { MaxCpu = TimeSpan.FromMilliseconds(200) });
        cases.Add(new("width-2mib-of-fields", "a 2 MB document of repeated `name` (400k tokens) is refused by the token limit, not validated",
            Post("{ me { " + Repeat("name ", 399_000) + "} }"), Expect.Request(Limit)));
        cases.Add(new("width-unknown-fields-1000", "1,000 unknown fields give 1,000 validation errors: at most MaxErrors 100 are returned, then one TOO_MANY_ERRORS",
            Post("{ me { " + Numbered(1000, i => $"f{i} ") + "} }"), Expect.Request(Validation)) { Check = ErrorsCapped });
        cases.Add(new("width-unknown-arguments-1000", "1,000 unknown arguments on one field: errors capped at MaxErrors",
            Post("{ trader(id: \"t1\", " + Numbered(1000, i => $"a{i}: 1 ") + ") { id } }"), Expect.Request(Validation)) { Check = ErrorsCapped });
        cases.Add(new("width-list-literal-5000-items", "a 5,000-item list literal where an ID is expected is one validation error, with a short answer",
            Post("{ trader(id: [" + Numbered(5000, i => $"{i},") + "]) { id } }"), Expect.Request(Validation)));
    }

    // ---- aliases -------------------------------------------------------------------------------------------------

    private static void Aliases(List<HostileCase> cases)
    {
        cases.Add(new("alias-alternating-2000", "the issue's error explosion: { me { x: name x: desk ... } } (2,000 aliases, 16 KB) answers in < 50 ms with < 1 MB",
            Post(AlternatingAliases(2000)), Expect.Request(Limit)) { MaxWall = TimeSpan.FromMilliseconds(50), Attempts = 3 });
        cases.Add(new("alias-distinct-400", "400 distinct aliases exceed MaxAliases 256",
            Post("{ me { " + Numbered(400, i => $"a{i}: name ") + "} }"), Expect.Request(Limit)));
        cases.Add(new("alias-distinct-200-ok", "200 distinct aliases are inside MaxAliases 256 and execute",
            Post("{ me { " + Numbered(200, i => $"a{i}: name ") + "} }"), Expect.Ok()));
        cases.Add(new("alias-alternating-200-conflicts", "200 alternating aliases inside the alias limit still conflict pairwise (10,000 errors): capped at MaxErrors",
            Post(AlternatingAliases(200)), Expect.Request(Validation)) { Check = AtMostMaxErrors });
        cases.Add(new("alias-conflict-one", "one alias conflict (x: name x: desk) is an ordinary validation error",
            Post("{ me { x: name x: desk } }"), Expect.Request(Validation)));
        cases.Add(new("alias-typename-root-400", "400 aliased __typename at the root exceed MaxAliases (and MaxRootFields)",
            Post("{ " + Numbered(400, i => $"t{i}: __typename ") + "}"), Expect.Request(Limit)));
    }

    // ---- fragments -----------------------------------------------------------------------------------------------

    private static void Fragments(List<HostileCase> cases)
    {
        cases.Add(new("fragment-count-400", "400 fragment definitions exceed MaxFragments 256",
            Post(ManyFragments(400)), Expect.Request(Limit)));
        cases.Add(new("fragment-count-200-ok", "200 fragments are inside MaxFragments 256 and execute",
            Post(ManyFragments(200)), Expect.Ok()));
        cases.Add(new("fragment-cycle-two", "fragment A spreads B and B spreads A: rejected (a depth counter following fragments must not loop)",
            Post("{ me { ...A } } fragment A on Trader { id ...B } fragment B on Trader { name ...A }"), Expect.Request(Validation), Expect.Request(Limit)));
        cases.Add(new("fragment-cycle-self", "a fragment spreading itself is rejected without looping",
            Post("{ me { ...A } } fragment A on Trader { id ...A }"), Expect.Request(Validation), Expect.Request(Limit)));
        cases.Add(new("fragment-cycle-200", "a cycle through 200 fragments is rejected without looping or deep recursion",
            Post("{ me { ...F0 } } " + Numbered(200, i => $"fragment F{i} on Trader {{ id ...F{(i + 1) % 200} }} ")), Expect.Request(Validation), Expect.Request(Limit)));
        cases.Add(new("fragment-spread-bomb-binary-30", "fragment A0 { ...A1 ...A1 } ... A29 { id }: 2^29 expansions from a 1 KB document; answered (merged) or refused, never expanded (OPERATION_TOO_LARGE is the planner's existing guard)",
            Post("{ me { ...A0 } } " + Numbered(29, i => $"fragment A{i} on Trader {{ ...A{i + 1} ...A{i + 1} }} ") + "fragment A29 on Trader { id }"),
            Expect.Ok(), Expect.Request(Limit), Expect.Request(TooLarge)));
        cases.Add(new("fragment-spread-bomb-wide", "three fragments of 100 spreads each (10^6 expansions from 300 selections): answered or refused, never expanded (OPERATION_TOO_LARGE is the planner's existing guard)",
            Post("{ me { ...A } } fragment A on Trader { " + Repeat("...B ", 100) + "} fragment B on Trader { " + Repeat("...C ", 100)
                + "} fragment C on Trader { " + Repeat("...D ", 100) + "} fragment D on Trader { id }"),
            Expect.Ok(), Expect.Request(Limit), Expect.Request(TooLarge)));
        cases.Add(new("fragment-same-spread-3000-ok", "one fragment spread 3,000 times in one set (inside MaxSelections) executes cheaply",
            Post("{ me { " + Repeat("...F ", 3000) + "} } fragment F on Trader { name }"), Expect.Ok()));
        cases.Add(new("fragment-flat-chain-200-ok", "a chain of 200 fragments that adds no depth (F0 { ...F1 } ...) executes",
            Post("{ me { ...F0 } } " + Numbered(199, i => $"fragment F{i} on Trader {{ ...F{i + 1} }} ") + "fragment F199 on Trader { id name }"), Expect.Ok()));
        cases.Add(new("fragment-unused", "an unused fragment is a validation error",
            Post("{ me { id } } fragment F on Trader { name }"), Expect.Request(Validation)));
        cases.Add(new("fragment-unknown", "a spread of an unknown fragment is a validation error",
            Post("{ me { ...Nope } }"), Expect.Request(Validation)));
        cases.Add(new("fragment-wrong-type", "a fragment on Order spread inside a Trader is a validation error",
            Post("{ me { ...F } } fragment F on Order { id }"), Expect.Request(Validation)));
        cases.Add(new("fragment-duplicate-names-100", "100 definitions of the same fragment name: validation errors, capped",
            Post("{ me { ...F } } " + Repeat("fragment F on Trader { id } ", 100)), Expect.Request(Validation)) { Check = AtMostMaxErrors });
    }

    // ---- directives ----------------------------------------------------------------------------------------------

    private static void Directives(List<HostileCase> cases)
    {
        cases.Add(new("directives-40-on-field", "40 directives on one field exceed MaxDirectivesPerField 16",
            Post("{ me { name " + Repeat("@include(if: true) ", 40) + "} }"), Expect.Request(Limit)));
        cases.Add(new("directives-3000-on-field", "3,000 @skip on one field: refused by the directive limit, not validated pairwise",
            Post("{ me { name " + Repeat("@skip(if: false) ", 3000) + "} }"), Expect.Request(Limit)));
        cases.Add(new("directives-repeated-skip", "@skip twice on one field: not repeatable, a validation error",
            Post("{ me { name @skip(if: false) @skip(if: false) } }"), Expect.Request(Validation)));
        cases.Add(new("directives-unknown", "an unknown directive is a validation error",
            Post("{ me { name @nope } }"), Expect.Request(Validation)));
        cases.Add(new("directives-unknown-on-1000-fields", "1,000 fields each with an unknown directive: 1,000 errors, capped at MaxErrors",
            Post("{ me { " + Repeat("name @nope ", 1000) + "} }"), Expect.Request(Validation)) { Check = ErrorsCapped });
        cases.Add(new("directives-1000-arguments", "one @skip with 1,000 unknown arguments: validation errors, capped",
            Post("{ me { name @skip(if: false, " + Numbered(1000, i => $"a{i}: 1 ") + ") } }"), Expect.Request(Validation)) { Check = ErrorsCapped });
        cases.Add(new("directives-skip-root-ok", "@skip(if: true) on a root field leaves the rest of the operation",
            Post("{ me @skip(if: true) { id } __typename }"), Expect.Ok()));
        cases.Add(new("directives-include-variable-ok", "@include(if: $v) with v=false executes",
            Post("query($v: Boolean!) { me @include(if: $v) { name } __typename }", "{\"v\":false}"), Expect.Ok()));
    }

    // ---- huge strings and bodies ---------------------------------------------------------------------------------

    private static void Strings(List<HostileCase> cases)
    {
        cases.Add(new("string-argument-1.9mb", "a 1.9 MB string argument (under the 2 MiB body limit) executes: trader(id:) is null",
            Post(() => "{ trader(id: \"" + new string('x', 1_900_000) + "\") { id } }"), Expect.Ok()) { MaxCpu = HugeDocumentCpu, MaxWall = HugeDocumentWall });
        cases.Add(new("string-variable-1.9mb", "a 1.9 MB string variable executes: trader(id:) is null",
            Post("query($id: ID!) { trader(id: $id) { id } }", () => "{\"id\":\"" + new string('x', 1_900_000) + "\"}"), Expect.Ok()) { MaxCpu = HugeDocumentCpu, MaxWall = HugeDocumentWall });
        var distinct = 0;
        cases.Add(new("string-20-distinct-1.9mb-documents", "20 distinct 1.9 MB documents: over MaxCachedDocumentSize, never cached, RSS stays bounded",
            (server, token) => Post(() => "{ trader(id: \"" + Interlocked.Increment(ref distinct) + new string('y', 1_900_000) + "\") { id } }")(server, token),
            Expect.Ok()) { Attempts = 20, MaxCpu = HugeDocumentCpu, MaxWall = HugeDocumentWall });
        cases.Add(new("string-json-escapes-100k", "100,000 JSON \\u escapes inside a string argument are decoded once, linearly",
            PostJson("{\"query\":\"{ trader(id: \\\"" + Repeat("\\u0041", 100_000) + "\\\") { id } }\"}"), Expect.Ok()));
        cases.Add(new("string-graphql-escapes-100k", "100,000 GraphQL \\u escapes inside a string literal are decoded linearly",
            Post("{ trader(id: \"" + Repeat("\\u0041", 100_000) + "\") { id } }"), Expect.Ok()));
        cases.Add(new("string-field-name-100kb", "an unknown 100 KB field name is one validation error; the answer stays < 1 MB",
            Post("{ me { " + new string('f', 100_000) + " } }"), Expect.Request(Validation)));
        cases.Add(new("string-operation-name-900kb", "a 900 KB operation name selected by operationName executes",
            (server, token) => Post("query " + new string('Q', 900_000) + " { __typename }", operationName: new string('Q', 900_000))(server, token), Expect.Ok()));
        cases.Add(new("string-unterminated-1.9mb", "an unterminated 1.9 MB string is a parse error whose answer does not echo it (GraphQL-Parser's error message alone is quadratic in the line: minutes of CPU)",
            Post(() => "{ trader(id: \"" + new string('x', 1_900_000) + " { id } }"), Expect.Request(Parse)) { MaxCpu = HugeDocumentCpu, MaxWall = HugeDocumentWall });
        cases.Add(new("string-block-1.9mb", "a 1.9 MB block string argument executes",
            Post(() => "{ trader(id: \"\"\"" + new string('x', 1_900_000) + "\"\"\") { id } }"), Expect.Ok()) { MaxCpu = HugeDocumentCpu, MaxWall = HugeDocumentWall });
        cases.Add(new("body-over-limit", "a body 1 byte over Gateway:MaxRequestBodySize (2 MiB, declared) is refused with 413",
            PostBody(() => Pad(2 * MiB + 1)), Expect.Error(413, BadRequest)));
        cases.Add(new("body-over-limit-chunked", "a chunked body (no Content-Length) past 2 MiB is counted and refused with 413",
            (server, token) => server.SendAsync(Chunked(server, Pad(3 * MiB)), token), Expect.Error(413, BadRequest)));
        cases.Add(new("body-declared-3gb", "a declared Content-Length of 3 GB is refused with 413 before any byte of it is read",
            Raw(port => $"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nAccept: {Gql}\r\nContent-Length: 3000000000\r\nConnection: close\r\n\r\n"),
            Expect.Error(413, BadRequest)));
    }

    // ---- numbers -------------------------------------------------------------------------------------------------

    private static void Numbers(List<HostileCase> cases)
    {
        cases.Add(new("number-float-variable-1e400", "a Float variable 1e400 is Infinity: rejected in coercion, never reaches placeOrder",
            Post(PlaceOrder, OrderInput("1", "1e400")), Expect.Request(BadInput)));
        cases.Add(new("number-float-variable-minus-1e400", "a Float variable -1e400 is -Infinity: rejected in coercion",
            Post(PlaceOrder, OrderInput("1", "-1e400")), Expect.Request(BadInput)));
        cases.Add(new("number-float-variable-nan-string", "a Float variable \"NaN\" (a string) is rejected in coercion",
            Post(PlaceOrder, OrderInput("1", "\"NaN\"")), Expect.Request(BadInput)));
        cases.Add(new("number-int-variable-2^31", "an Int variable 2147483648 is out of the 32-bit range: rejected in coercion",
            Post(PlaceOrder, OrderInput("2147483648", "1")), Expect.Request(BadInput)));
        cases.Add(new("number-int-variable-10000-digits", "a 10,000-digit Int variable is rejected in coercion",
            Post(PlaceOrder, OrderInput("9" + new string('9', 9_999), "1")), Expect.Request(BadInput)));
        cases.Add(new("number-int-variable-1m-digits", "a 1,000,000-digit Int variable is rejected without a super-linear big-integer parse (BigInteger.Parse takes 1.7 s for it)",
            Post(PlaceOrder, () => OrderInput("9" + new string('9', 999_999), "1")), Expect.Request(BadInput)));
        cases.Add(new("number-int-literal-2^31", "an Int literal 2147483648 is a validation error",
            Post("mutation { placeOrder(input: { traderId: \"t1\", symbol: \"AAPL\", side: BUY, quantity: 2147483648, limitPrice: 1 }) { id } }"), Expect.Request(Validation)));
        cases.Add(new("number-float-literal-1e400", "a Float literal 1e400 is a validation error",
            Post("mutation { placeOrder(input: { traderId: \"t1\", symbol: \"AAPL\", side: BUY, quantity: 1, limitPrice: 1e400 }) { id } }"), Expect.Request(Validation)));
        cases.Add(new("number-int-literal-10000-digits", "a 10,000-digit Int literal is a validation error with a short answer",
            Post("mutation { placeOrder(input: { traderId: \"t1\", symbol: \"AAPL\", side: BUY, quantity: " + new string('9', 10_000) + ", limitPrice: 1 }) { id } }"),
            Expect.Request(Validation)));
    }

    // ---- encodings -----------------------------------------------------------------------------------------------

    private static void Encodings(List<HostileCase> cases)
    {
        cases.Add(new("utf8-invalid-byte", "a 0xFF byte inside the query string is not UTF-8: 400 BAD_REQUEST, not 500",
            PostBody(() => Bytes("{\"query\":\"{ trader(id: \\\"", [0xFF], "\\\") { id } }\"}")), Expect.Request(BadRequest)));
        cases.Add(new("utf8-lone-surrogate-escape", "a lone \\ud800 escape in the query cannot become UTF-8: 400 BAD_REQUEST",
            PostJson("{\"query\":\"{ trader(id: \\\"\\ud800\\\") { id } }\"}"), Expect.Request(BadRequest)));
        cases.Add(new("utf8-lone-low-surrogate-in-variables", "a lone \\udc00 escape in a variable value: 400 BAD_REQUEST",
            PostJson("{\"query\":\"query($id: ID!) { trader(id: $id) { id } }\",\"variables\":{\"id\":\"a\\udc00\"}}"), Expect.Request(BadRequest)));
        cases.Add(new("utf8-overlong", "an overlong encoding (C0 AF for '/') is invalid UTF-8: 400 BAD_REQUEST",
            PostBody(() => Bytes("{\"query\":\"{ trader(id: \\\"", [0xC0, 0xAF], "\\\") { id } }\"}")), Expect.Request(BadRequest)));
        cases.Add(new("utf8-truncated-sequence", "a three-byte sequence cut after two bytes (E2 82) is invalid UTF-8: 400 BAD_REQUEST",
            PostBody(() => Bytes("{\"query\":\"{ trader(id: \\\"", [0xE2, 0x82], "\\\") { id } }\"}")), Expect.Request(BadRequest)));
        cases.Add(new("utf8-encoded-surrogate", "a surrogate encoded directly in UTF-8 (ED A0 80, CESU-8) is invalid: 400 BAD_REQUEST",
            PostBody(() => Bytes("{\"query\":\"{ trader(id: \\\"", [0xED, 0xA0, 0x80], "\\\") { id } }\"}")), Expect.Request(BadRequest)));
        cases.Add(new("utf8-invalid-in-unused-key", "invalid UTF-8 in a key the gateway does not read still makes the body invalid: 400 BAD_REQUEST",
            PostBody(() => Bytes("{\"query\":\"{ __typename }\",\"x", [0xFF], "\":1}")), Expect.Request(BadRequest)));
        cases.Add(new("utf8-bom-ok", "a UTF-8 byte order mark before the JSON is allowed",
            PostBody(() => Bytes(string.Empty, [0xEF, 0xBB, 0xBF], "{\"query\":\"{ __typename }\"}")), Expect.Ok()));
        cases.Add(new("nul-raw-in-json", "a raw NUL byte inside a JSON string is invalid JSON: 400 BAD_REQUEST",
            PostBody(() => Bytes("{\"query\":\"{ __typename", [0x00], "}\"}")), Expect.Request(BadRequest)));
        cases.Add(new("nul-escaped-in-document", "an escaped NUL (\\u0000) in the document outside a string is a parse error",
            PostJson("{\"query\":\"{ __typename \\u0000 }\"}"), Expect.Request(Parse)));
        cases.Add(new("utf16-body-labelled-utf8", "a UTF-16LE body sent as UTF-8 JSON: 400 BAD_REQUEST",
            PostBody(() => Encoding.Unicode.GetBytes("{\"query\":\"{ __typename }\"}")), Expect.Request(BadRequest)));
        cases.Add(new("charset-utf16", "Content-Type application/json; charset=utf-16 is not read: 415",
            PostBody(() => Encoding.Unicode.GetBytes("{\"query\":\"{ __typename }\"}"), "application/json; charset=utf-16"), Expect.Error(415, BadRequest)));
        cases.Add(new("content-type-text-plain", "Content-Type text/plain: 415 (no CSRF-able simple request)",
            PostBody(() => "{\"query\":\"{ __typename }\"}"u8.ToArray(), "text/plain"), Expect.Error(415, BadRequest)));
        cases.Add(new("content-type-missing", "no Content-Type: 415",
            PostBody(() => "{\"query\":\"{ __typename }\"}"u8.ToArray(), null), Expect.Error(415, BadRequest)));
        cases.Add(new("content-type-graphql", "Content-Type application/graphql is not supported: 415",
            PostBody(() => "{ __typename }"u8.ToArray(), "application/graphql"), Expect.Error(415, BadRequest)));
    }

    // ---- the JSON envelope ---------------------------------------------------------------------------------------

    private static void Envelope(List<HostileCase> cases)
    {
        cases.Add(new("json-duplicate-query", "two \"query\" keys: the body is ambiguous (the last silently won): 400 BAD_REQUEST",
            PostJson("{\"query\":\"{ __typename }\",\"query\":\"{ me { name } }\"}"), Expect.Request(BadRequest)));
        cases.Add(new("json-duplicate-operation-name", "two \"operationName\" keys: 400 BAD_REQUEST",
            PostJson("{\"query\":\"query A { __typename } query B { __typename }\",\"operationName\":\"A\",\"operationName\":\"B\"}"), Expect.Request(BadRequest)));
        cases.Add(new("json-duplicate-nested-in-variables", "a duplicate key inside a variable's input object: 400 BAD_REQUEST",
            PostJson("{\"query\":\"" + PlaceOrder.Replace("\"", "\\\"", StringComparison.Ordinal) + "\",\"variables\":{\"input\":{\"traderId\":\"t1\",\"traderId\":\"t2\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"quantity\":-1,\"limitPrice\":1}}}"),
            Expect.Request(BadRequest)));
        cases.Add(new("json-duplicate-in-extensions", "a duplicate key in extensions: 400 BAD_REQUEST",
            PostJson("{\"query\":\"{ __typename }\",\"extensions\":{\"a\":1,\"a\":2}}"), Expect.Request(BadRequest)));
        cases.Add(new("json-query-not-string", "\"query\" is a number: 400 BAD_REQUEST",
            PostJson("{\"query\":1}"), Expect.Request(BadRequest)));
        cases.Add(new("json-variables-array", "\"variables\" is an array: 400 BAD_REQUEST",
            PostJson("{\"query\":\"{ __typename }\",\"variables\":[1,2]}"), Expect.Request(BadRequest)));
        cases.Add(new("json-missing-query", "no \"query\": 400 BAD_REQUEST",
            PostJson("{\"variables\":{}}"), Expect.Request(BadRequest)));
        cases.Add(new("json-truncated", "a JSON body cut in the middle: 400 BAD_REQUEST",
            PostJson("{\"query\":\"{ me { na"), Expect.Request(BadRequest)));
        cases.Add(new("json-empty-body", "an empty body: 400 BAD_REQUEST",
            PostBody(() => []), Expect.Request(BadRequest)));
        cases.Add(new("json-null", "the body null: 400 BAD_REQUEST",
            PostJson("null"), Expect.Request(BadRequest)));
        cases.Add(new("json-trailing-garbage", "a JSON object followed by more bytes: 400 BAD_REQUEST",
            PostJson("{\"query\":\"{ __typename }\"} {\"query\":\"{ me { name } }\"}"), Expect.Request(BadRequest)));
        cases.Add(new("json-comments", "JSON with comments is not JSON: 400 BAD_REQUEST",
            PostJson("{/* c */\"query\":\"{ __typename }\"}"), Expect.Request(BadRequest)));
        cases.Add(new("json-extensions-100000-keys-ok", "100,000 distinct keys in extensions: the duplicate-key check must be linear; the request executes",
            PostJson(() => "{\"query\":\"{ __typename }\",\"extensions\":{" + Numbered(100_000, i => (i == 0 ? string.Empty : ",") + $"\"k{i}\":0") + "}}"),
            Expect.Ok()));
        cases.Add(new("json-variables-100000-unused-keys-ok", "100,000 unused variables: ignored (or refused) linearly",
            Post("{ __typename }", () => "{" + Numbered(100_000, i => (i == 0 ? string.Empty : ",") + $"\"v{i}\":0") + "}"), Expect.Ok()));
    }

    // ---- batching ------------------------------------------------------------------------------------------------

    private static void Batching(List<HostileCase> cases)
    {
        cases.Add(new("batch-two-operations", "a JSON array of operations: the gateway does not batch, a clear 400 BAD_REQUEST",
            PostJson("[{\"query\":\"{ __typename }\"},{\"query\":\"{ me { name } }\"}]"), Expect.Request(BadRequest)));
        cases.Add(new("batch-10000-operations", "an array of 10,000 operations: refused as a whole at once, none executed",
            PostJson(() => "[" + string.Join(",", Enumerable.Repeat("{\"query\":\"{ me { name } }\"}", 10_000)) + "]"), Expect.Request(BadRequest)));
        cases.Add(new("batch-empty-array", "an empty array: 400 BAD_REQUEST",
            PostJson("[]"), Expect.Request(BadRequest)));
    }

    // ---- introspection in Production -----------------------------------------------------------------------------

    private static void IntrospectionCases(List<HostileCase> cases)
    {
        cases.Add(new("introspection-schema", "__schema in Production (Gateway:Introspection unset): INTROSPECTION_DISABLED",
            Post("{ __schema { queryType { name } } }"), Expect.Request(Introspection)));
        cases.Add(new("introspection-type", "__type in Production: INTROSPECTION_DISABLED",
            Post("{ __type(name: \"Trader\") { fields { name } } }"), Expect.Request(Introspection)));
        cases.Add(new("introspection-aliased", "__schema behind an alias: still INTROSPECTION_DISABLED",
            Post("{ s: __schema { types { name } } }"), Expect.Request(Introspection)));
        cases.Add(new("introspection-in-fragment", "__schema inside a fragment on Query: still INTROSPECTION_DISABLED",
            Post("{ ...F } fragment F on Query { __schema { types { name } } }"), Expect.Request(Introspection)));
        cases.Add(new("introspection-full-query", "the standard introspection query (deep ofType chains): INTROSPECTION_DISABLED",
            Post(FullIntrospectionQuery), Expect.Request(Introspection)));
        cases.Add(new("introspection-over-get", "__schema over GET: INTROSPECTION_DISABLED",
            Get("{ __schema { queryType { name } } }"), Expect.Request(Introspection)));
        cases.Add(new("introspection-typename-ok", "__typename is always allowed",
            Post("{ __typename me { __typename name } }"), Expect.Ok()));
    }

    // ---- documents with many operations --------------------------------------------------------------------------

    private static void Operations(List<HostileCase> cases)
    {
        cases.Add(new("ops-two-anonymous", "two anonymous operations: validation error",
            Post("{ __typename } { me { name } }"), Expect.Request(Validation)));
        cases.Add(new("ops-1000-named-without-name", "1,000 named operations and no operationName: one clear validation error",
            Post(Numbered(1000, i => $"query Op{i} {{ __typename }} ")), Expect.Request(Validation)));
        cases.Add(new("ops-1000-named-pick-last-ok", "1,000 named operations, operationName picks the last: executes (the others cost little)",
            Post(Numbered(1000, i => $"query Op{i} {{ __typename }} "), operationName: "Op999"), Expect.Ok()));
        cases.Add(new("ops-1000-same-name", "1,000 operations with one name: validation errors, capped",
            Post(Repeat("query Op { __typename } ", 1000), operationName: "Op"), Expect.Request(Validation)) { Check = ErrorsCapped });
        cases.Add(new("ops-unknown-operation-name", "an operationName that matches no operation: validation error",
            Post("query A { __typename }", operationName: "B"), Expect.Request(Validation)));
        cases.Add(new("ops-5000-named", "5,000 named operations (25k tokens): refused by the token limit",
            Post(Numbered(5000, i => $"query Op{i} {{ __typename }} "), operationName: "Op1"), Expect.Request(Limit)));
    }

    // ---- syntax --------------------------------------------------------------------------------------------------

    private static void ParseCases(List<HostileCase> cases)
    {
        cases.Add(new("parse-unclosed-brace", "an unclosed selection set: parse error",
            Post("{ me { name }"), Expect.Request(Parse)));
        cases.Add(new("parse-error-at-end-of-100kb-line", "a syntax error after a 100 KB name on one line: GraphQL-Parser builds its error message in time quadratic in the line (2 s here), so it must not be the one to find it",
            Post("{ me { " + new string('a', 100_000) + " % } }"), Expect.Request(Parse)));
        cases.Add(new("parse-error-stray-brace-after-100kb-name", "a stray '}' after a 100 KB name on one line: a syntax error only the parser finds; it is found on the document's short-lined skeleton (the parser alone: 1-3 s)",
            Post("{ me { " + new string('a', 100_000) + " } } }"), Expect.Request(Parse)));
        cases.Add(new("parse-error-stray-brace-after-1.9mb-string", "a stray '}' after a 1.9 MB string argument: found on the skeleton (the parser alone: minutes)",
            Post(() => "{ trader(id: \"" + new string('x', 1_900_000) + "\") { id } } }"), Expect.Request(Parse)) { MaxCpu = HugeDocumentCpu, MaxWall = HugeDocumentWall });
        cases.Add(new("parse-error-number-then-name-on-100kb-line", "123abc after a 100 KB name on one line: an invalid number the parser reports, on the skeleton",
            Post("{ me { " + new string('a', 100_000) + "(x: 123abc) } }"), Expect.Request(Parse)));
        cases.Add(new("parse-bad-escape-after-100kb-string", "an invalid escape at the end of a 100 KB string: the same quadratic error message (4 s here)",
            Post("{ trader(id: \"" + new string('x', 100_000) + "\\q\") { id } }"), Expect.Request(Parse)));
        cases.Add(new("parse-1.9mb-open-braces", "1.9 MB of '{': refused early (token or depth limit, or the parser's depth guard), never recursed",
            Post(() => new string('{', 1_900_000)), Expect.Request(Limit), Expect.Request(Parse)) { MaxCpu = HugeDocumentCpu, MaxWall = HugeDocumentWall });
        cases.Add(new("parse-1.9mb-comment-ok", "a 1.9 MB comment before a small query: comments are not tokens, the query executes",
            Post(() => "#" + new string('c', 1_900_000) + "\n{ __typename }"), Expect.Ok()) { MaxCpu = HugeDocumentCpu, MaxWall = HugeDocumentWall });
        cases.Add(new("parse-1.9mb-whitespace-ok", "1.9 MB of whitespace around a small query: ignored, the query executes",
            Post(() => new string(' ', 1_900_000) + "{ __typename }"), Expect.Ok())
        {
            MaxCpu = HugeDocumentCpu,
            MaxWall = HugeDocumentWall,

            // The peak (VmHWM since the case began) includes what earlier cases left resident: 139-297 MB when run
            // alone, 410 MB once in a full run. Retention itself is bounded by the idle-memory attack tests.
            MaxRss = 600L * 1024 * 1024,
        });
    }

    // ---- GET -----------------------------------------------------------------------------------------------------

    private static void GetCases(List<HostileCase> cases)
    {
        cases.Add(new("get-mutation", "a mutation over GET: 405 (GET must be safe)",
            Get("mutation { cancelOrder(id: \"o-1001\") { id } }"), Expect.Error(405, "METHOD_NOT_ALLOWED")));
        cases.Add(new("get-60kb-url", "a 60 KB query string is over Kestrel's request-line limit: 414",
            GetRaw("?query=" + new string('a', 60_000)), Expect.StatusOnly(414)));
        cases.Add(new("get-aliases-600", "600 aliases over GET (5 KB URL) exceed MaxAliases: limits apply to GET too",
            Get("{ me { " + Numbered(600, i => $"a{i}:id ") + "} }"), Expect.Request(Limit)));
        cases.Add(new("get-repeated-query-parameter", "?query= twice: 400 BAD_REQUEST",
            GetRaw("?query=" + Uri.EscapeDataString("{ __typename }") + "&query=" + Uri.EscapeDataString("{ me { name } }")), Expect.Request(BadRequest)));
        cases.Add(new("get-variables-not-json", "variables= that is not JSON: 400 BAD_REQUEST",
            Get("query($id: ID!) { trader(id: $id) { id } }", "&variables=%7Bnope"), Expect.Request(BadRequest)));
        cases.Add(new("get-invalid-percent-utf8", "%FF in the query string decodes to U+FFFD outside a string: a parse error (or BAD_REQUEST), never 500",
            GetRaw("?query=%7B%20me%FF%20%7B%20name%20%7D%20%7D"), Expect.Request(Parse), Expect.Request(BadRequest)));
    }

    // ---- HTTP itself ---------------------------------------------------------------------------------------------

    private static void Http(List<HostileCase> cases)
    {
        cases.Add(new("http-put", "PUT: 405",
            (server, token) => server.SendAsync(server.Request(HttpMethod.Put, string.Empty, "{\"query\":\"{ __typename }\"}"u8.ToArray()), token),
            Expect.Error(405, BadRequest)));
        cases.Add(new("http-delete", "DELETE: 405",
            (server, token) => server.SendAsync(server.Request(HttpMethod.Delete, string.Empty), token), Expect.Error(405, BadRequest)));
        cases.Add(new("http-accept-html", "Accept: text/html in Production (no IDE): 406",
            PostBody(() => "{\"query\":\"{ __typename }\"}"u8.ToArray(), accept: "text/html"), Expect.Error(406, BadRequest)));
        cases.Add(new("http-accept-xml", "Accept: application/xml only: 406",
            PostBody(() => "{\"query\":\"{ __typename }\"}"u8.ToArray(), accept: "application/xml"), Expect.Error(406, BadRequest)));
        cases.Add(new("raw-garbage-request-line", "a request line that is not HTTP: Kestrel's 400",
            Raw(_ => "GARBAGE\r\n\r\n"), Expect.StatusOnly(400)));
        cases.Add(new("raw-header-64kb", "one 64 KB header: 431",
            Raw(port => $"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Big: {new string('h', 64 * 1024)}\r\nContent-Length: 0\r\n\r\n"), Expect.StatusOnly(431)));
        cases.Add(new("raw-1000-headers", "1,000 headers: 431",
            Raw(port => $"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n" + Numbered(1000, i => $"X-H{i}: v\r\n") + "Content-Length: 0\r\n\r\n"), Expect.StatusOnly(431)));
        cases.Add(new("raw-negative-content-length", "Content-Length: -1: 400",
            Raw(port => $"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: -1\r\n\r\n"), Expect.StatusOnly(400)));
        cases.Add(new("raw-invalid-chunk-size", "a chunked body with a chunk size that is not hex: 400",
            Raw(port => $"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nAccept: {Gql}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{{}}\r\n0\r\n\r\n"),
            Expect.StatusOnly(400)));
        cases.Add(new("raw-no-host", "HTTP/1.1 without Host: 400",
            Raw(_ => "POST /graphql HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"), Expect.StatusOnly(400)));
        cases.Add(new("raw-stalled-body", "a client that declares 1,000 bytes, sends 10, stalls 1 s and leaves: nothing held afterwards",
            Raw(
                port => $"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"query\":",
                afterWrite: async (_, token) =>
                {
                    await Task.Delay(1000, token);
                    return false;
                }),
            Expect.StatusOnly(Expect.ClientLeft)));
        cases.Add(new("raw-pipelined-50", "50 pipelined requests in one write are all answered in order",
            Raw(port => Repeat($"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nAccept: {Gql}\r\nContent-Length: 26\r\n\r\n{{\"query\":\"{{ __typename }}\"}}", 49)
                + $"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nAccept: {Gql}\r\nContent-Length: 26\r\nConnection: close\r\n\r\n{{\"query\":\"{{ __typename }}\"}}",
                untilClosed: true),
            Expect.StatusOnly(200))
        {
            Check = (_, response) =>
            {
                var text = Encoding.Latin1.GetString(response.Body);
                Assert.Equal(49, CountOf(text, "HTTP/1.1 200 OK")); // the first status line was taken as the response's own
                return Task.CompletedTask;
            },
        });
    }

    // ---- WebSocket (graphql-transport-ws) ------------------------------------------------------------------------

    private static void WebSockets(List<HostileCase> cases)
    {
        cases.Add(new("ws-connection-init-flood", "1,000 connection_init messages: the second closes the socket with 4429",
            Ws(async (ws, token) =>
            {
                for (var i = 0; i < 1000; i++)
                {
                    if (!await TrySendAsync(ws, "{\"type\":\"connection_init\"}", token))
                    {
                        break;
                    }
                }
            }),
            Expect.Closed(4429)) { MaxWall = TimeSpan.FromSeconds(3) });
        cases.Add(new("ws-non-json", "a text frame that is not JSON: 4400",
            Ws((ws, token) => ws.SendTextAsync("not json {", token)), Expect.Closed(4400)));
        cases.Add(new("ws-oversized-frame", "a 1 MB message (over Subscriptions:MaxMessageSize 64 KiB): 1009, without buffering it all",
            Ws((ws, token) => ws.SendAsync(Pad(MiB), WebSocketMessageType.Text, token)), Expect.Closed(1009)));
        cases.Add(new("ws-subscribe-before-init", "subscribe before connection_init: 4401",
            Ws((ws, token) => ws.SendTextAsync("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ __typename }\"}}", token)), Expect.Closed(4401)));
        cases.Add(new("ws-duplicate-id", "a second subscribe with the id of a running subscription: 4409",
            Ws(async (ws, token) =>
            {
                await InitAsync(ws, token);
                await ws.SendTextAsync(Subscribe("a", OrderUpdates), token);
                await ws.SendTextAsync(Subscribe("a", OrderUpdates), token);
            }),
            Expect.Closed(4409)) { MaxCpu = TimeSpan.FromMilliseconds(400) });
        cases.Add(new("ws-unknown-type", "a message of an unknown type: 4400",
            Ws((ws, token) => ws.SendTextAsync("{\"type\":\"gimme\"}", token)), Expect.Closed(4400)));
        cases.Add(new("ws-binary-frame", "a binary frame: 4400",
            Ws((ws, token) => ws.SendAsync("{\"type\":\"connection_init\"}"u8.ToArray(), WebSocketMessageType.Binary, token)), Expect.Closed(4400)));
        cases.Add(new("ws-invalid-utf8-text", "a text frame that is not UTF-8 ends the connection: 1007 or 4400, or dropped (1006: the WebSocket layer throws before a close frame)",
            Ws((ws, token) => ws.SendAsync(Bytes("{\"type\":\"", [0xFF, 0xFE], "\"}"), WebSocketMessageType.Text, token)),
            Expect.Closed(1007), Expect.Closed(4400), Expect.Closed(HostileWebSocket.AbnormalClosure)));
        cases.Add(new("ws-deep-json-message", "a 60,000-deep JSON message (inside 64 KiB): 4400, no recursion",
            Ws((ws, token) => ws.SendTextAsync(Repeat("[", 30_000) + Repeat("]", 30_000), token)), Expect.Closed(4400)));
        cases.Add(new("ws-subscribe-without-payload", "subscribe with no payload: 4400",
            Ws(async (ws, token) =>
            {
                await InitAsync(ws, token);
                await ws.SendTextAsync("{\"id\":\"1\",\"type\":\"subscribe\"}", token);
            }),
            Expect.Closed(4400)));
        cases.Add(new("ws-no-subprotocol", "a WebSocket without the graphql-transport-ws subprotocol: 4406",
            (server, token) => WsRun(server, null, (_, _) => Task.CompletedTask, null, token), Expect.Closed(4406)));
        cases.Add(new("ws-alias-bomb", "the 16 KB alias explosion over WebSocket: an error message OPERATION_LIMIT_EXCEEDED, the socket stays open",
            Ws(
                async (ws, token) =>
                {
                    await InitAsync(ws, token);
                    await ws.SendTextAsync(Subscribe("1", AlternatingAliases(2000)), token);
                },
                IsEnd("1")),
            Expect.OpenWithError(Limit)));
        cases.Add(new("ws-introspection", "__schema over WebSocket in Production: an error message INTROSPECTION_DISABLED",
            Ws(
                async (ws, token) =>
                {
                    await InitAsync(ws, token);
                    await ws.SendTextAsync(Subscribe("1", "{ __schema { queryType { name } } }"), token);
                },
                IsEnd("1")),
            Expect.OpenWithError(Introspection)));
        cases.Add(new("ws-float-1e400-variable", "a Float variable 1e400 over WebSocket: an error message BAD_USER_INPUT",
            Ws(
                async (ws, token) =>
                {
                    await InitAsync(ws, token);
                    await ws.SendTextAsync("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"" + PlaceOrder.Replace("\"", "\\\"", StringComparison.Ordinal)
                        + "\",\"variables\":" + OrderInput("1", "1e400") + "}}", token);
                },
                IsEnd("1")),
            Expect.OpenWithError(BadInput)));
        cases.Add(new("ws-10000-unknown-completes", "10,000 complete messages for unknown ids are allowed and cheap; the socket still answers ping with pong",
            Ws(
                async (ws, token) =>
                {
                    await InitAsync(ws, token);
                    for (var i = 0; i < 10_000; i++)
                    {
                        await ws.SendTextAsync("{\"id\":\"x" + i + "\",\"type\":\"complete\"}", token);
                    }

                    await ws.SendTextAsync("{\"type\":\"ping\"}", token);
                },
                message => message.GetProperty("type").GetString() == "pong"),
            Expect.OpenWithMessage("pong")) { MaxCpu = TimeSpan.FromMilliseconds(500) });
        cases.Add(new("ws-ping-flood-without-reading", "a client that floods pings for 1.5 s and never reads the pongs, then vanishes: nothing held afterwards",
            async (server, token) =>
            {
                var ws = await server.WsAsync(token: token);
                await InitAsync(ws, token);
                using var flood = CancellationTokenSource.CreateLinkedTokenSource(token);
                flood.CancelAfter(TimeSpan.FromSeconds(1.5));
                try
                {
                    for (var i = 0; i < 200_000; i++)
                    {
                        await ws.SendTextAsync("{\"type\":\"ping\"}", flood.Token);
                    }
                }
                catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
                {
                    // The server stopped reading (its pongs are not read) or the time is up.
                }

                ws.Socket.Abort();
                ws.Socket.Dispose();
                return HostileResponse.NoAnswer("the client vanished");
            },
            Expect.StatusOnly(Expect.ClientLeft))
        {
            // While the flood lasts the server answers as fast as the client sends (1.5 s, up to both cores with its GC
            // and socket threads: CI measured 1.56 s); what must hold is that nothing goes on once the client is gone.
            MaxCpu = TimeSpan.FromMilliseconds(3000),
            MaxCpuAfterAnswer = TimeSpan.FromMilliseconds(250),
            MaxWall = TimeSpan.FromSeconds(3),
        });
    }

    // ---- Server-Sent Events (graphql-sse) ------------------------------------------------------------------------

    private static void ServerSentEvents(List<HostileCase> cases)
    {
        cases.Add(new("sse-missing-accept", "a subscription over plain POST (no text/event-stream in Accept): a clear 400, nothing opened",
            Post(OrderUpdates), Expect.Request("SUBSCRIPTIONS_NOT_SUPPORTED")));
        cases.Add(new("sse-body-over-limit", "an SSE request with a 3 MB body: 413",
            PostBody(() => Pad(3 * MiB), accept: "text/event-stream"), Expect.Error(413, BadRequest)));
        cases.Add(new("sse-invalid-utf8", "an SSE request whose body is not UTF-8: 400 BAD_REQUEST",
            PostBody(() => Bytes("{\"query\":\"{ trader(id: \\\"", [0xFF], "\\\") { id } }\"}"), accept: "text/event-stream"), Expect.Request(BadRequest)));
        cases.Add(new("sse-alias-bomb", "the 16 KB alias explosion over SSE: refused before the stream, 400 OPERATION_LIMIT_EXCEEDED",
            Post(AlternatingAliases(2000), accept: "text/event-stream"), Expect.Request(Limit)));
        cases.Add(new("sse-introspection", "__schema over SSE in Production: 400 INTROSPECTION_DISABLED",
            Post("{ __schema { queryType { name } } }", accept: "text/event-stream"), Expect.Request(Introspection)));
        cases.Add(new("sse-mutation-over-get", "a mutation over GET with Accept: text/event-stream: 405",
            Get("mutation { cancelOrder(id: \"o-1001\") { id } }", accept: "text/event-stream"), Expect.Error(405, "METHOD_NOT_ALLOWED")));
        cases.Add(new("sse-headers-at-once", "an SSE subscription's 200 and headers reach the client at once, not with the first event or keep-alive (12 s later): a client cannot tell a stuck gateway from a quiet stream",
            async (server, token) =>
            {
                using var response = await server.Http.SendAsync(
                    server.Request(HttpMethod.Post, string.Empty, EnvelopeOf(OrderUpdates, null, null), accept: "text/event-stream"),
                    HttpCompletionOption.ResponseHeadersRead, token);
                return new HostileResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, [], 0);
            },
            Expect.StatusOnly(200)) { Check = NoOrdersSubscriptionLeft });
        cases.Add(new("sse-never-reading-client", "an SSE subscription whose client never reads a byte and then vanishes: its subgraph subscription ends",
            (server, token) => AbandonedSseStreams(server, 1, token), Expect.StatusOnly(Expect.ClientLeft))
        {
            Check = NoOrdersSubscriptionLeft,
            MaxCpu = TimeSpan.FromMilliseconds(400),
        });
        cases.Add(new("sse-50-abandoned-streams", "50 SSE subscriptions opened at once, never read, then dropped: every subgraph subscription ends",
            (server, token) => AbandonedSseStreams(server, 50, token), Expect.StatusOnly(Expect.ClientLeft))
        {
            Check = NoOrdersSubscriptionLeft,
            MaxCpu = TimeSpan.FromMilliseconds(1500),
            MaxWall = TimeSpan.FromSeconds(4),
        });
    }

    // ---- checks --------------------------------------------------------------------------------------------------

    /// <summary>More errors than MaxErrors were found: MaxErrors of them and one TOO_MANY_ERRORS are returned.</summary>
    private static Task ErrorsCapped(HostileServerFixture server, HostileResponse response)
    {
        var errors = response.Errors;
        Assert.True(errors.Count <= 101, $"{errors.Count} errors; at most MaxErrors 100 + 1 summary");
        Assert.True(errors.Count > 1, $"{errors.Count} errors: expected many, capped");
        Assert.Equal("TOO_MANY_ERRORS", errors[^1].GetProperty("extensions").GetProperty("code").GetString());
        return Task.CompletedTask;
    }

    /// <summary>However many errors were found (the count depends on the algorithm), at most MaxErrors of them and one TOO_MANY_ERRORS come back.</summary>
    private static Task AtMostMaxErrors(HostileServerFixture server, HostileResponse response)
    {
        var errors = response.Errors;
        Assert.True(errors.Count <= 101, $"{errors.Count} errors; at most MaxErrors 100 + 1 summary");
        if (errors.Count == 101)
        {
            Assert.Equal("TOO_MANY_ERRORS", errors[^1].GetProperty("extensions").GetProperty("code").GetString());
        }

        return Task.CompletedTask;
    }

    private static async Task NoOrdersSubscriptionLeft(HostileServerFixture server, HostileResponse response)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        int active;
        while ((active = server.Subgraphs.ActiveSubscriptions(DemoSubgraphNames.Orders)) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(active == 0, $"{active} orders subgraph subscriptions still open 5 s after the clients left");
    }

    // ---- senders -------------------------------------------------------------------------------------------------

    private static Send Post(string query, string? variables = null, string? operationName = null, string accept = Gql) =>
        (server, token) => server.SendAsync(server.Request(HttpMethod.Post, string.Empty, EnvelopeOf(query, variables, operationName), accept: accept), token);

    private static Send Post(Func<string> query) => (server, token) => Post(query())(server, token);

    private static Send Post(string query, Func<string> variables) => (server, token) => Post(query, variables())(server, token);

    private static Send PostJson(string json) => PostBody(() => Encoding.UTF8.GetBytes(json));

    private static Send PostJson(Func<string> json) => PostBody(() => Encoding.UTF8.GetBytes(json()));

    private static Send PostBody(Func<byte[]> body, string? contentType = "application/json", string accept = Gql) =>
        (server, token) => server.SendAsync(server.Request(HttpMethod.Post, string.Empty, body(), contentType, accept), token);

    private static Send Get(string query, string extra = "", string accept = Gql) => GetRaw("?query=" + Uri.EscapeDataString(query) + extra, accept);

    private static Send GetRaw(string queryString, string accept = Gql) =>
        (server, token) => server.SendAsync(server.Request(HttpMethod.Get, queryString, accept: accept), token);

    private static Send Raw(
        Func<int, string> request, Func<System.Net.Sockets.NetworkStream, CancellationToken, Task<bool>>? afterWrite = null, bool untilClosed = false) =>
        (server, token) => server.RawAsync(Encoding.Latin1.GetBytes(request(server.Port)), token, afterWrite: afterWrite, untilClosed: untilClosed);

    private static Send Ws(Func<HostileWebSocket, CancellationToken, Task> script, Func<JsonElement, bool>? until = null) =>
        (server, token) => WsRun(server, "graphql-transport-ws", script, until, token);

    private static async Task<HostileResponse> WsRun(
        HostileServerFixture server, string? subprotocol, Func<HostileWebSocket, CancellationToken, Task> script, Func<JsonElement, bool>? until, CancellationToken token)
    {
        await using var ws = await server.WsAsync(subprotocol, token);
        try
        {
            await script(ws, token);
        }
        catch (WebSocketException)
        {
            // The server closed while the script still sent: read how.
        }

        return await ws.OutcomeAsync(token, until);
    }

    private static async Task InitAsync(HostileWebSocket ws, CancellationToken token)
    {
        await ws.SendTextAsync("{\"type\":\"connection_init\"}", token);
        var ack = await ws.ReceiveAsync(token);
        Assert.Contains("connection_ack", ack ?? "(closed)", StringComparison.Ordinal);
    }

    private static async Task<bool> TrySendAsync(HostileWebSocket ws, string text, CancellationToken token)
    {
        try
        {
            await ws.SendTextAsync(text, token);
            return ws.Socket.State == WebSocketState.Open;
        }
        catch (WebSocketException)
        {
            return false;
        }
    }

    private static string Subscribe(string id, string query) =>
        "{\"id\":\"" + id + "\",\"type\":\"subscribe\",\"payload\":{\"query\":" + JsonSerializer.Serialize(query) + "}}";

    /// <summary>The message that ends operation <paramref name="id"/>: next, error or complete.</summary>
    private static Func<JsonElement, bool> IsEnd(string id) => message =>
        message.TryGetProperty("id", out var value) && value.GetString() == id
        && message.GetProperty("type").GetString() is "next" or "error" or "complete";

    /// <summary>
    /// Starts <paramref name="count"/> SSE subscriptions without waiting for (or reading) their answers, waits until the
    /// orders subgraph serves all of them, then aborts every request.
    /// </summary>
    private static async Task<HostileResponse> AbandonedSseStreams(HostileServerFixture server, int count, CancellationToken token)
    {
        var before = server.Subgraphs.ActiveSubscriptions(DemoSubgraphNames.Orders);
        using var leave = CancellationTokenSource.CreateLinkedTokenSource(token);
        var requests = Enumerable.Range(0, count).Select(_ => server.Http.SendAsync(
            server.Request(HttpMethod.Post, string.Empty, EnvelopeOf(OrderUpdates, null, null), accept: "text/event-stream"),
            HttpCompletionOption.ResponseHeadersRead, leave.Token)).ToList();
        int active;
        while ((active = server.Subgraphs.ActiveSubscriptions(DemoSubgraphNames.Orders)) < before + count)
        {
            await Task.Delay(10, token);
        }

        await leave.CancelAsync();
        foreach (var request in requests)
        {
            try
            {
                (await request).Dispose();
            }
            catch (OperationCanceledException)
            {
                // Aborted before the headers came.
            }
        }

        return HostileResponse.NoAnswer($"{active - before} subgraph subscriptions were open, then the clients vanished");
    }

    private static HttpRequestMessage Chunked(HostileServerFixture server, byte[] body)
    {
        var request = server.Request(HttpMethod.Post, string.Empty);
        request.Content = new StreamContent(new MemoryStream(body));
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        request.Headers.TransferEncodingChunked = true;
        return request;
    }

    // ---- documents -----------------------------------------------------------------------------------------------

    private static byte[] EnvelopeOf(string query, string? variables, string? operationName)
    {
        var json = new StringBuilder(query.Length + 64).Append("{\"query\":").Append(JsonSerializer.Serialize(query));
        if (operationName is not null)
        {
            json.Append(",\"operationName\":").Append(JsonSerializer.Serialize(operationName));
        }

        if (variables is not null)
        {
            json.Append(",\"variables\":").Append(variables);
        }

        return Encoding.UTF8.GetBytes(json.Append('}').ToString());
    }

    /// <summary><c>{ me { orders(status: CANCELLED) { trader { orders(...) { ... id } } } } }</c> with <paramref name="depth"/> nested fields (empty lists: t1 has no cancelled order).</summary>
    private static string Nested(int depth)
    {
        var query = new StringBuilder("{ me { ");
        for (var level = 2; level < depth; level++)
        {
            query.Append(level % 2 == 0 ? "orders(status: CANCELLED) { " : "trader { ");
        }

        query.Append("id");
        query.Append(' ', 1).Append(Repeat("} ", depth - 1)).Append('}');
        return query.ToString();
    }

    private static string DeepFragmentChain(int count) =>
        "{ me { ...F0 } } "
        + Numbered(count - 1, i => $"fragment F{i} on Trader {{ orders(status: CANCELLED) {{ trader {{ ...F{i + 1} }} }} }} ")
        + $"fragment F{count - 1} on Trader {{ id }}";

    private static string ManyFragments(int count) =>
        "{ me { " + Numbered(count, i => $"...F{i} ") + "} } " + Numbered(count, i => $"fragment F{i} on Trader {{ id }} ");

    private static string AlternatingAliases(int count) =>
        "{ me { " + Numbered(count, i => i % 2 == 0 ? "x: name " : "x: desk ") + "} }";

    private static string OrderInput(string quantity, string limitPrice) =>
        "{\"input\":{\"traderId\":\"t1\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"quantity\":" + quantity + ",\"limitPrice\":" + limitPrice + "}}";

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string Numbered(int count, Func<int, string> item)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(item(i));
        }

        return text.ToString();
    }

    private static byte[] Bytes(string before, byte[] raw, string after) =>
        [.. Encoding.UTF8.GetBytes(before), .. raw, .. Encoding.UTF8.GetBytes(after)];

    /// <summary>A valid JSON request of exactly <paramref name="size"/> bytes (a long string in extensions).</summary>
    private static byte[] Pad(int size)
    {
        var head = "{\"query\":\"{ __typename }\",\"extensions\":{\"pad\":\""u8.ToArray();
        var tail = "\"}}"u8.ToArray();
        var body = new byte[size];
        head.CopyTo(body, 0);
        body.AsSpan(head.Length, size - head.Length - tail.Length).Fill((byte)'p');
        tail.CopyTo(body, size - tail.Length);
        return body;
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private const string FullIntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;
}
