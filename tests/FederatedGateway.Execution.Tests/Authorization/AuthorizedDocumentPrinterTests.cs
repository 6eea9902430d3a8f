using FederatedGateway.Execution.Authorization;
using GraphQLParser.AST;

namespace FederatedGateway.Execution.Tests.Authorization;

/// <summary>The document without the denied fields: still a valid operation, whatever was removed.</summary>
public sealed class AuthorizedDocumentPrinterTests
{
    [Fact]
    public void Denied_fields_go_wherever_they_are_written_and_an_emptied_selection_keeps_typename()
    {
        var printed = Print(
            "query Q { a { secret ...F ... on T { secret } } } fragment F on T { secret }",
            "secret");

        Assert.Equal("query Q { a { ...F ... on T { __typename } __typename } }\nfragment F on T { __typename }", printed);
    }

    [Fact]
    public void Variables_and_fragments_only_the_denied_fields_used_are_dropped()
    {
        var printed = Print(
            "query Q($id: ID!, $n: Int = 3, $keep: Boolean!) { a(id: $id) { ok @include(if: $keep) } secret(n: $n) { ...G } } fragment G on T { x }",
            "secret");

        Assert.Equal("query Q($id: ID!, $keep: Boolean!) { a(id: $id) { ok @include(if: $keep) __typename } }", printed);
    }

    [Fact]
    public void Only_the_chosen_operation_is_printed_with_its_aliases_and_arguments()
    {
        var document = GraphQLParser.Parser.Parse("query A { x } mutation B { do(input: {list: [1, \"two\"], v: $v}) { r: result secret } }");
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Last();

        var printed = AuthorizedDocumentPrinter.Print(document, operation, field => field.Name.StringValue == "secret");

        Assert.Equal("mutation B { do(input: {list: [1, \"two\"], v: $v}) { r: result __typename } }", printed);
    }

    private static string Print(string query, string deniedName)
    {
        var document = GraphQLParser.Parser.Parse(query);
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        return AuthorizedDocumentPrinter.Print(document, operation, field => field.Name.StringValue == deniedName);
    }
}
