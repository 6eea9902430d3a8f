using System.Text;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// Refuses a document whose string literal holds half a surrogate pair (<c>"\ud800"</c>): the parser decodes the
/// escape as it is, but such a string is not Unicode text (the spec makes it a syntax error) and cannot be sent on
/// to a subgraph as UTF-8.
/// </summary>
internal sealed class LoneSurrogateLiteralCheck : ASTVisitor<LoneSurrogateLiteralCheck.Context>
{
    public const string Code = "GRAPHQL_PARSE_FAILED";

    private static readonly LoneSurrogateLiteralCheck Instance = new();

    /// <summary>The error for the first such literal, or null. Cheap when the text has no <c>\u</c> escape and no surrogate.</summary>
    public static RequestError? Check(GraphQLDocument document)
    {
        var source = document.Source.Span;
        if (!source.Contains("\\u", StringComparison.Ordinal) && source.IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return null;
        }

        var context = new Context();
        // Nothing here awaits: the visit completes synchronously.
        Instance.VisitAsync(document, context).AsTask().GetAwaiter().GetResult();
        if (context.Found is not { } literal)
        {
            return null;
        }

        var location = GraphQLParser.Location.FromLinearPosition(document.Source, literal.Location.Start);
        return new RequestError(
            "A string literal holds a lone surrogate escape (\\uD800-\\uDFFF outside a pair), which is not Unicode text.",
            Code,
            [(location.Line, location.Column)]);
    }

    protected override ValueTask VisitStringValueAsync(GraphQLStringValue stringValue, Context context)
    {
        if (context.Found is null && !IsWellFormed(stringValue.Value.Span))
        {
            context.Found = stringValue;
        }

        return default;
    }

    private static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(text, out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            text = text[consumed..];
        }

        return true;
    }

    internal sealed class Context : IASTVisitorContext
    {
        public GraphQLStringValue? Found { get; set; }

        public CancellationToken CancellationToken => CancellationToken.None;
    }
}
