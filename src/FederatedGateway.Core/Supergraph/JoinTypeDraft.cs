using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Supergraph;

/// <summary>What the <c>@join__type</c>s of one type say of one subgraph, gathered before the <see cref="TypeInSubgraph"/> is built.</summary>
internal sealed class JoinTypeDraft
{
    private JoinTypeDraft(string graph)
    {
        Graph = graph;
    }

    public string Graph { get; }

    public bool IsExtension { get; set; }

    public bool IsInterfaceObject { get; set; }

    public List<EntityKey> Keys { get; } = new();

    /// <summary>The draft for <paramref name="graph"/>, added at the end of <paramref name="drafts"/> when it is new.</summary>
    public static JoinTypeDraft GetOrAdd(List<JoinTypeDraft> drafts, string graph)
    {
        foreach (var draft in drafts)
        {
            if (draft.Graph == graph)
            {
                return draft;
            }
        }

        var added = new JoinTypeDraft(graph);
        drafts.Add(added);
        return added;
    }
}
