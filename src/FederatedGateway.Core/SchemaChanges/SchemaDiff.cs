using FederatedGateway.Core.SchemaChanges.Model;
using FederatedGateway.Core.SchemaChanges.Rules;

namespace FederatedGateway.Core.SchemaChanges;

/// <summary>
/// The changes between two versions of a schema's SDL (the API schema clients see), each classified breaking,
/// dangerous or safe with its schema coordinate, in the manner of GraphQL Inspector's criteria. Schema checks
/// compare the published API schema with a proposed one and ask usage data about the breaking changes' coordinates.
/// </summary>
public static class SchemaDiff
{
    /// <summary>The changes, breaking first, then dangerous, then safe; within each by coordinate.</summary>
    /// <exception cref="GraphQLParser.Exceptions.GraphQLSyntaxErrorException">Either SDL does not parse.</exception>
    public static IReadOnlyList<SchemaChange> Compare(string before, string after)
    {
        var old = SdlSchema.Parse(before);
        var current = SdlSchema.Parse(after);
        var changes = new ChangeList();
        new RootTypeRule().Compare(changes, old, current);
        new TypeRule().Compare(changes, old, current);
        new DirectiveRule().Compare(changes, old, current);
        return changes.Changes
            .OrderByDescending(change => change.Criticality)
            .ThenBy(change => change.Coordinate, StringComparer.Ordinal)
            .ThenBy(change => change.Kind)
            .ToList();
    }
}
