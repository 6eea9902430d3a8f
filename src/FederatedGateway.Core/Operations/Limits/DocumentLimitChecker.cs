using GraphQLParser.AST;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// The <see cref="OperationLimits"/> checks on a parsed document, run before validation: each is a walk linear in
/// the document, so a document over a limit is refused for little more than the cost of parsing it.
/// </summary>
internal static class DocumentLimitChecker
{
    /// <summary>The first limit the document passes, as an error; null when it is within all of them.</summary>
    public static RequestError? Check(
        GraphQLDocument document,
        GraphQLOperationDefinition operation,
        Dictionary<string, GraphQLFragmentDefinition> fragments,
        OperationLimits limits,
        CancellationToken cancellationToken)
    {
        var sizeError = DocumentSizeCounter.Check(document, limits, cancellationToken);
        if (sizeError is not null)
        {
            return sizeError;
        }

        if (limits.MaxRootFields > 0 && RootFieldCounter.Exceeds(operation, fragments, limits.MaxRootFields))
        {
            return LimitError.Create(nameof(limits.MaxRootFields), limits.MaxRootFields, $"The operation selects more than {limits.MaxRootFields} root fields");
        }

        if (limits.MaxDepth > 0 && OperationDepthMeasurer.Exceeds(operation, fragments, limits.MaxDepth, cancellationToken))
        {
            return LimitError.Create(nameof(limits.MaxDepth), limits.MaxDepth, $"The operation nests selections more than {limits.MaxDepth} levels deep");
        }

        return null;
    }
}
