namespace FederatedGateway.Core.Schema;

/// <summary>What one subgraph knows of a type (<c>@join__type</c>, <c>@join__implements</c>, <c>@join__unionMember</c>).</summary>
public sealed class TypeInSubgraph
{
    public TypeInSubgraph(string graph)
    {
        Graph = graph;
    }

    public string Graph { get; }

    public List<EntityKey> Keys { get; } = new();

    public bool IsExtension { get; set; }

    /// <summary>The subgraph declares this (supergraph) interface as an object type with <c>@interfaceObject</c>.</summary>
    public bool IsInterfaceObject { get; set; }

    /// <summary>Interfaces this object/interface implements in this subgraph.</summary>
    public HashSet<string> Implements { get; } = new(StringComparer.Ordinal);

    /// <summary>Members of this union in this subgraph.</summary>
    public HashSet<string> UnionMembers { get; } = new(StringComparer.Ordinal);

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
