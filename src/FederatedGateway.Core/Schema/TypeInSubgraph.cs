using System.Collections.Frozen;
using System.Collections.Immutable;

namespace FederatedGateway.Core.Schema;

/// <summary>What one subgraph knows of a type (<c>@join__type</c>, <c>@join__implements</c>, <c>@join__unionMember</c>).</summary>
public sealed class TypeInSubgraph
{
    internal TypeInSubgraph(string graph)
    {
        Graph = graph;
    }

    public string Graph { get; }

    /// <summary>The type's <c>@key</c>s in this subgraph, in the order the supergraph gives them.</summary>
    public ImmutableArray<EntityKey> Keys { get; internal init; } = ImmutableArray<EntityKey>.Empty;

    public bool IsExtension { get; internal init; }

    /// <summary>The subgraph declares this (supergraph) interface as an object type with <c>@interfaceObject</c>.</summary>
    public bool IsInterfaceObject { get; internal init; }

    /// <summary>Interfaces this object/interface implements in this subgraph.</summary>
    public FrozenSet<string> Implements { get; internal init; } = FrozenSet<string>.Empty;

    /// <summary>Members of this union in this subgraph.</summary>
    public FrozenSet<string> UnionMembers { get; internal init; } = FrozenSet<string>.Empty;

    public bool HasResolvableKey
    {
        get
        {
            foreach (var key in Keys)
            {
                if (key.Resolvable)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
