namespace FederatedGateway.Core.Cost;

/// <summary>A field's <c>@listSize</c>: how many items its list (or its <see cref="SizedFields"/>' lists) holds.</summary>
public sealed record ListSizeDirective(
    int? AssumedSize,
    IReadOnlyList<string> SlicingArguments,
    IReadOnlyList<string> SizedFields,
    bool RequireOneSlicingArgument);
