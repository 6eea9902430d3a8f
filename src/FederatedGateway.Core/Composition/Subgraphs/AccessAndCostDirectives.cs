namespace FederatedGateway.Core.Composition.Subgraphs;

/// <summary>
/// The authorization (<c>@authenticated</c>, <c>@requiresScopes</c>, <c>@policy</c>) and demand-control (<c>@cost</c>,
/// <c>@listSize</c>) directives on one element: as written in a subgraph, or as merged for the supergraph. Scopes and
/// policies are in disjunctive normal form: any inner list satisfies, all names of an inner list are needed.
/// </summary>
internal sealed class AccessAndCostDirectives
{
    public bool Authenticated { get; set; }

    public IReadOnlyList<IReadOnlyList<string>>? Scopes { get; set; }

    public IReadOnlyList<IReadOnlyList<string>>? Policies { get; set; }

    public int? CostWeight { get; set; }

    public ListSizeArguments? ListSize { get; set; }

    public bool HasAuthorization => Authenticated || Scopes is not null || Policies is not null;

    public bool IsEmpty => !HasAuthorization && CostWeight is null && ListSize is null;
}
