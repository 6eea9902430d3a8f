using GraphQL.Types;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// The selection sets of every field merged under one response path (the root's, or the sub-selections of all the
/// fields that share a response name one level up), each with the type it selects on and its position.
/// </summary>
internal sealed record MergedSelectionSet(string Path, IReadOnlyList<SelectionSetAt> Parts);

/// <summary>One selection set of a <see cref="MergedSelectionSet"/>.</summary>
internal readonly record struct SelectionSetAt(GraphQLSelectionSet SelectionSet, IGraphType ParentType, SelectionPosition Position);
