using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace FederatedGateway.Core.Composition.Merging;

/// <summary>Prints AST values and directives as GraphQL text.</summary>
internal static class AstText
{
    public static string Print(ASTNode node) => new SDLPrinter().Print(node);
}
