namespace FederatedGateway.Core.Composition.Subgraphs;

/// <summary>The arguments of one <c>@listSize</c> application; null where not given.</summary>
internal sealed record ListSizeArguments(int? AssumedSize, IReadOnlyList<string>? SlicingArguments, IReadOnlyList<string>? SizedFields, bool? RequireOneSlicingArgument)
{
    /// <summary>The arguments as GraphQL text, in definition order, for printing and for comparing applications.</summary>
    public string ArgumentsText()
    {
        var parts = new List<string>(4);
        if (AssumedSize is { } size)
        {
            parts.Add("assumedSize: " + size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (SlicingArguments is not null)
        {
            parts.Add("slicingArguments: " + StringList(SlicingArguments));
        }

        if (SizedFields is not null)
        {
            parts.Add("sizedFields: " + StringList(SizedFields));
        }

        if (RequireOneSlicingArgument is { } requireOne)
        {
            parts.Add("requireOneSlicingArgument: " + (requireOne ? "true" : "false"));
        }

        return string.Join(", ", parts);
    }

    public static string StringList(IEnumerable<string> values) =>
        "[" + string.Join(", ", values.Select(Printing.SdlWriter.Quote)) + "]";
}
