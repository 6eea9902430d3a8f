using FederatedGateway.Core.SchemaChanges;
using static FederatedGateway.Core.SchemaChanges.ChangeCriticality;
using static FederatedGateway.Core.SchemaChanges.SchemaChangeKind;

namespace FederatedGateway.Core.Tests.SchemaChanges;

/// <summary>
/// One schema edit per case, each producing exactly one change with its kind, criticality and coordinate. Every
/// case starts from the same small schema (<see cref="Base"/>) and edits one line of it.
/// </summary>
public sealed class SchemaDiffCaseTests
{
    private const string Base = """
        schema { query: Query mutation: Mutation }
        "Entry points"
        type Query {
          "A trader"
          trader(id: ID!, "include closed" closed: Boolean = false, legacy: Int @deprecated(reason: "gone")): Trader
          traders(filter: TraderFilter): [Trader!]
          node: Node
          search: SearchResult
          old: String @deprecated(reason: "use trader")
          price: Money
        }
        type Mutation { place(order: OrderInput!): Order }
        interface Node { id: ID! }
        type Trader implements Node { id: ID! name: String desk: Desk tags: [String] }
        type Order implements Node { id: ID! side: Side! qty: Int! }
        union SearchResult = Trader | Order
        enum Side { "buy it" BUY SELL SHORT @deprecated(reason: "banned") }
        enum Desk { RATES FX }
        input TraderFilter { desk: Desk, name: String = "a", tags: [String!] }
        input OrderInput { "buy or sell" side: Side!, qty: Int!, note: String @deprecated }
        input Lookup @oneOf { id: ID, name: String }
        scalar Money @specifiedBy(url: "https://example.com/money")
        "Cache hint"
        directive @cached(ttl: Int = 60, scope: String) on FIELD | QUERY
        directive @audit(level: Int, "why it is audited" reason: String @deprecated(reason: "use level")) repeatable on FIELD
        """;

    public static TheoryData<string, string, SchemaChangeKind, ChangeCriticality, string> Cases => new()
    {
        // types
        { "type Trader implements Node", "type Trader2 implements Node", TypeRemoved, Breaking, "Trader" },
        { "scalar Money", "type Extra { a: Int }\nscalar Money", TypeAdded, Safe, "Extra" },
        { "enum Desk { RATES FX }", "input Desk { RATES: Int }", TypeKindChanged, Breaking, "Desk" },
        { "\"Entry points\"", "\"Entry points!\"", TypeDescriptionChanged, Safe, "Query" },
        { "\"Entry points\"\ntype Query", "type Query", TypeDescriptionRemoved, Safe, "Query" },
        { "type Order implements Node", "\"An order\" type Order implements Node", TypeDescriptionAdded, Safe, "Order" },
        // fields
        { "name: String desk", "desk", FieldRemoved, Breaking, "Trader.name" },
        { "  old: String @deprecated(reason: \"use trader\")\n", "", FieldRemoved, Breaking, "Query.old" },
        { "name: String desk", "name: String email: String desk", FieldAdded, Safe, "Trader.email" },
        { "interface Node { id: ID! }", "interface Node { id: ID! createdAt: String }", FieldAdded, Safe, "Node.createdAt" },
        { "name: String desk", "name: String! desk", FieldTypeChanged, Safe, "Trader.name" },
        { "tags: [String] }", "tags: [String!]! }", FieldTypeChanged, Safe, "Trader.tags" },
        { "tags: [String] }", "tags: [String!] }", FieldTypeChanged, Safe, "Trader.tags" },
        { "qty: Int! }", "qty: Int }", FieldTypeChanged, Breaking, "Order.qty" },
        { "qty: Int! }", "qty: Float! }", FieldTypeChanged, Breaking, "Order.qty" },
        { "tags: [String] }", "tags: String }", FieldTypeChanged, Breaking, "Trader.tags" },
        { "name: String desk", "name: [String] desk", FieldTypeChanged, Breaking, "Trader.name" },
        { "traders(filter: TraderFilter): [Trader!]", "traders(filter: TraderFilter): [Trader]", FieldTypeChanged, Breaking, "Query.traders" },
        { "\"A trader\"", "\"One trader\"", FieldDescriptionChanged, Safe, "Query.trader" },
        { "  \"A trader\"\n", "", FieldDescriptionRemoved, Safe, "Query.trader" },
        { "name: String desk", "\"full name\" name: String desk", FieldDescriptionAdded, Safe, "Trader.name" },
        { "node: Node", "node: Node @deprecated", FieldDeprecationAdded, Safe, "Query.node" },
        { "old: String @deprecated(reason: \"use trader\")", "old: String", FieldDeprecationRemoved, Safe, "Query.old" },
        { "@deprecated(reason: \"use trader\")", "@deprecated(reason: \"use traders\")", FieldDeprecationReasonChanged, Safe, "Query.old" },
        // field arguments
        { "legacy: Int @deprecated(reason: \"gone\")):", "legacy: Int @deprecated(reason: \"gone\"), at: String!):", FieldArgumentAdded, Breaking, "Query.trader(at:)" },
        { "legacy: Int @deprecated(reason: \"gone\")):", "legacy: Int @deprecated(reason: \"gone\"), at: String):", FieldArgumentAdded, Dangerous, "Query.trader(at:)" },
        { "legacy: Int @deprecated(reason: \"gone\")):", "legacy: Int @deprecated(reason: \"gone\"), at: String! = \"now\"):", FieldArgumentAdded, Dangerous, "Query.trader(at:)" },
        { ", legacy: Int @deprecated(reason: \"gone\")", "", FieldArgumentRemoved, Breaking, "Query.trader(legacy:)" },
        { "trader(id: ID!,", "trader(id: ID,", FieldArgumentTypeChanged, Safe, "Query.trader(id:)" },
        { "traders(filter: TraderFilter)", "traders(filter: TraderFilter!)", FieldArgumentTypeChanged, Breaking, "Query.traders(filter:)" },
        { "trader(id: ID!,", "trader(id: String!,", FieldArgumentTypeChanged, Breaking, "Query.trader(id:)" },
        { "trader(id: ID!,", "trader(id: [ID!],", FieldArgumentTypeChanged, Breaking, "Query.trader(id:)" },
        { "closed: Boolean = false", "closed: Boolean = true", FieldArgumentDefaultChanged, Dangerous, "Query.trader(closed:)" },
        { "closed: Boolean = false", "closed: Boolean", FieldArgumentDefaultChanged, Dangerous, "Query.trader(closed:)" },
        { "\"include closed\"", "\"with closed ones\"", FieldArgumentDescriptionChanged, Safe, "Query.trader(closed:)" },
        { "closed: Boolean = false,", "closed: Boolean = false @deprecated,", FieldArgumentDeprecationAdded, Safe, "Query.trader(closed:)" },
        { "legacy: Int @deprecated(reason: \"gone\")", "legacy: Int", FieldArgumentDeprecationRemoved, Safe, "Query.trader(legacy:)" },
        { "@deprecated(reason: \"gone\")", "@deprecated(reason: \"removed\")", FieldArgumentDeprecationReasonChanged, Safe, "Query.trader(legacy:)" },
        { "trader(id: ID!,", "trader(\"the trader's id\" id: ID!,", FieldArgumentDescriptionAdded, Safe, "Query.trader(id:)" },
        { "\"include closed\" closed", "closed", FieldArgumentDescriptionRemoved, Safe, "Query.trader(closed:)" },
        // input objects
        { "tags: [String!] }", "tags: [String!], region: String! }", InputFieldAdded, Breaking, "TraderFilter.region" },
        { "tags: [String!] }", "tags: [String!], region: String }", InputFieldAdded, Dangerous, "TraderFilter.region" },
        { "tags: [String!] }", "tags: [String!], region: String! = \"EU\" }", InputFieldAdded, Dangerous, "TraderFilter.region" },
        { "desk: Desk, name", "name", InputFieldRemoved, Breaking, "TraderFilter.desk" },
        { "qty: Int!, note", "qty: Int, note", InputFieldTypeChanged, Safe, "OrderInput.qty" },
        { "tags: [String!] }", "tags: [String] }", InputFieldTypeChanged, Safe, "TraderFilter.tags" },
        { "desk: Desk, name", "desk: Desk!, name", InputFieldTypeChanged, Breaking, "TraderFilter.desk" },
        { "tags: [String!] }", "tags: [String!]! }", InputFieldTypeChanged, Breaking, "TraderFilter.tags" },
        { "name: String = \"a\"", "name: String = \"b\"", InputFieldDefaultChanged, Dangerous, "TraderFilter.name" },
        { "input TraderFilter { desk: Desk,", "input TraderFilter { \"the desk\" desk: Desk,", InputFieldDescriptionAdded, Safe, "TraderFilter.desk" },
        { "\"buy or sell\" side", "\"BUY or SELL\" side", InputFieldDescriptionChanged, Safe, "OrderInput.side" },
        { "\"buy or sell\" side", "side", InputFieldDescriptionRemoved, Safe, "OrderInput.side" },
        { "note: String @deprecated }", "note: String @deprecated(reason: \"use memo\") }", InputFieldDeprecationReasonChanged, Safe, "OrderInput.note" },
        { "qty: Int!, note", "qty: Int! @deprecated, note", InputFieldDeprecationAdded, Safe, "OrderInput.qty" },
        { "note: String @deprecated }", "note: String }", InputFieldDeprecationRemoved, Safe, "OrderInput.note" },
        { "input TraderFilter {", "input TraderFilter @oneOf {", InputObjectOneOfAdded, Breaking, "TraderFilter" },
        { "input Lookup @oneOf {", "input Lookup {", InputObjectOneOfRemoved, Dangerous, "Lookup" },
        // enums
        { "enum Desk { RATES FX }", "enum Desk { RATES FX CREDIT }", EnumValueAdded, Dangerous, "Desk.CREDIT" },
        { "enum Desk { RATES FX }", "enum Desk { RATES }", EnumValueRemoved, Breaking, "Desk.FX" },
        { "SHORT @deprecated(reason: \"banned\") }", "}", EnumValueRemoved, Breaking, "Side.SHORT" },
        { "\"buy it\" BUY", "\"purchase\" BUY", EnumValueDescriptionChanged, Safe, "Side.BUY" },
        { "\"buy it\" BUY", "BUY", EnumValueDescriptionRemoved, Safe, "Side.BUY" },
        { "BUY SELL", "BUY \"sell it\" SELL", EnumValueDescriptionAdded, Safe, "Side.SELL" },
        { "enum Desk { RATES FX }", "enum Desk { RATES FX @deprecated }", EnumValueDeprecationAdded, Safe, "Desk.FX" },
        { "SHORT @deprecated(reason: \"banned\")", "SHORT", EnumValueDeprecationRemoved, Safe, "Side.SHORT" },
        { "SHORT @deprecated(reason: \"banned\")", "SHORT @deprecated(reason: \"not allowed\")", EnumValueDeprecationReasonChanged, Safe, "Side.SHORT" },
        // unions and interfaces
        { "union SearchResult = Trader | Order", "union SearchResult = Trader | Order | Mutation", UnionMemberAdded, Dangerous, "SearchResult" },
        { "union SearchResult = Trader | Order", "union SearchResult = Trader", UnionMemberRemoved, Breaking, "SearchResult" },
        { "interface Node { id: ID! }", "interface Node { id: ID! }\ninterface Named { name: String }", TypeAdded, Safe, "Named" },
        { "type Order implements Node", "type Order", InterfaceRemoved, Breaking, "Order" },
        { "type Mutation {", "type Mutation implements Node { id: ID!", InterfaceAdded, Dangerous, "Mutation" },
        // scalars
        { "@specifiedBy(url: \"https://example.com/money\")", "@specifiedBy(url: \"https://example.com/money/v2\")", ScalarSpecifiedByChanged, Dangerous, "Money" },
        { "scalar Money @specifiedBy(url: \"https://example.com/money\")", "scalar Money", ScalarSpecifiedByChanged, Dangerous, "Money" },
        // directives
        { "\"Cache hint\"\ndirective @cached(ttl: Int = 60, scope: String) on FIELD | QUERY", "", DirectiveRemoved, Breaking, "@cached" },
        { "directive @cached", "directive @trace on FIELD\ndirective @cached", DirectiveAdded, Safe, "@trace" },
        { "\"Cache hint\"", "\"Cache hints\"", DirectiveDescriptionChanged, Safe, "@cached" },
        { "\"Cache hint\"\ndirective", "directive", DirectiveDescriptionRemoved, Safe, "@cached" },
        { "directive @audit", "\"Audited fields\" directive @audit", DirectiveDescriptionAdded, Safe, "@audit" },
        { ") repeatable on FIELD", ") on FIELD", DirectiveRepeatableRemoved, Breaking, "@audit" },
        { "on FIELD | QUERY", "on FIELD | QUERY | MUTATION", DirectiveLocationAdded, Safe, "@cached" },
        { "on FIELD | QUERY", "on FIELD", DirectiveLocationRemoved, Breaking, "@cached" },
        { "scope: String) on", "scope: String) repeatable on", DirectiveRepeatableAdded, Safe, "@cached" },
        { "scope: String)", "scope: String, region: String)", DirectiveArgumentAdded, Safe, "@cached(region:)" },
        { "scope: String)", "scope: String, region: String!)", DirectiveArgumentAdded, Breaking, "@cached(region:)" },
        { ", scope: String)", ")", DirectiveArgumentRemoved, Breaking, "@cached(scope:)" },
        { "ttl: Int = 60", "ttl: Float = 60", DirectiveArgumentTypeChanged, Breaking, "@cached(ttl:)" },
        { "ttl: Int = 60", "ttl: Int = 30", DirectiveArgumentDefaultChanged, Dangerous, "@cached(ttl:)" },
        { "directive @cached(ttl: Int", "directive @cached(\"seconds\" ttl: Int", DirectiveArgumentDescriptionAdded, Safe, "@cached(ttl:)" },
        { "\"why it is audited\"", "\"why\"", DirectiveArgumentDescriptionChanged, Safe, "@audit(reason:)" },
        { "\"why it is audited\" reason", "reason", DirectiveArgumentDescriptionRemoved, Safe, "@audit(reason:)" },
        { "level: Int,", "level: Int @deprecated,", DirectiveArgumentDeprecationAdded, Safe, "@audit(level:)" },
        { "reason: String @deprecated(reason: \"use level\")", "reason: String", DirectiveArgumentDeprecationRemoved, Safe, "@audit(reason:)" },
        { "@deprecated(reason: \"use level\")", "@deprecated(reason: \"use the level\")", DirectiveArgumentDeprecationReasonChanged, Safe, "@audit(reason:)" },
        // root types
        { "schema { query: Query mutation: Mutation }", "schema { query: Query mutation: Mutation subscription: Mutation }", RootTypeAdded, Safe, "schema.subscription" },
        { "schema { query: Query mutation: Mutation }", "schema { query: Query }", RootTypeRemoved, Breaking, "schema.mutation" },
        { "schema { query: Query mutation: Mutation }", "schema { query: Query mutation: Order }", RootTypeChanged, Breaking, "schema.mutation" },
    };

    [Fact]
    public void Every_kind_of_change_has_a_case()
    {
        var covered = Cases.Select(row => (SchemaChangeKind)row[2]).ToHashSet();

        var uncovered = Enum.GetValues<SchemaChangeKind>().Where(kind => !covered.Contains(kind)).ToList();
        Assert.True(uncovered.Count == 0, "no case for " + string.Join(", ", uncovered));
        Assert.True(covered.Count >= 60, $"{covered.Count} kinds");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void One_edit_gives_one_classified_change(string find, string replace, SchemaChangeKind kind, ChangeCriticality criticality, string coordinate)
    {
        Assert.Contains(find, Base, StringComparison.Ordinal);
        var after = Base.Replace(find, replace, StringComparison.Ordinal);

        var changes = SchemaDiff.Compare(Base, after);

        var change = Assert.Single(changes, c => c.Kind == kind);
        Assert.Equal((kind, criticality, coordinate), (change.Kind, change.Criticality, change.Coordinate));
        Assert.Contains(change.Coordinate.TrimStart('@').Split('.', '(')[0], change.Message, StringComparison.Ordinal);
        // Nothing else of the same or higher weight appears (cases that add a helper type report it as safe).
        Assert.DoesNotContain(changes, c => c != change && c.Criticality >= criticality && criticality != Safe);
    }

    [Fact]
    public void The_same_schema_gives_no_changes()
    {
        Assert.Empty(SchemaDiff.Compare(Base, Base));
    }
}
