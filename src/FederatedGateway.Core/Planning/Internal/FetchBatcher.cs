using System.Text;
using FederatedGateway.Core.Planning.Selections;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>
/// The planner's merge stage: entity fetches of one dependency level that can share one request (same subgraph,
/// not conditional, representations that agree for every entity type they have in common, selections that merge).
/// </summary>
internal sealed class FetchBatcher
{
    private readonly FederatedSchema _schema;
    private readonly FrozenSelections _frozen;

    public FetchBatcher(FederatedSchema schema, FrozenSelections frozen)
    {
        _schema = schema;
        _frozen = frozen;
    }

    /// <summary>The level's groups in batches, each batch one future request, in the order of their first members.</summary>
    public List<List<FetchGroup>> Batch(IEnumerable<FetchGroup> level)
    {
        var batches = new List<(List<FetchGroup> Members, Dictionary<string, string> Signatures)>();
        foreach (var group in level)
        {
            if (!group.IsEntity || SharedCondition.Of(group.Selection) is not null)
            {
                batches.Add((new List<FetchGroup> { group }, new Dictionary<string, string>()));
                continue;
            }

            var signatures = Signatures(group);
            var joined = false;
            foreach (var (members, known) in batches)
            {
                if (known.Count > 0 && members[0].Subgraph == group.Subgraph && Agrees(known, signatures)
                    && SeparableTypes(known, signatures)
                    && !members.Exists(member => SelectionConflicts.Conflict(member.Selection, group.Selection)))
                {
                    members.Add(group);
                    foreach (var (type, signature) in signatures)
                    {
                        known[type] = signature;
                    }

                    joined = true;
                    break;
                }
            }

            if (!joined)
            {
                batches.Add((new List<FetchGroup> { group }, signatures));
            }
        }

        return batches.ConvertAll(b => b.Members);
    }

    /// <summary>Per entity type: what the representation carries and what is selected (same type, same text to share a request).</summary>
    private Dictionary<string, string> Signatures(FetchGroup group)
    {
        var signatures = new Dictionary<string, string>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var type in group.RequirementOrder)
        {
            var (representation, fields) = group.Requirements[type];
            sb.Clear().Append(representation).Append(':');
            PlanSelectionPrinter.PrintCompact(sb, _frozen.Of(fields));
            sb.Append("=>");
            foreach (var selection in _frozen.Of(group.Selection).Selections)
            {
                if (selection is PlanInlineFragment fragment && fragment.TypeCondition == type)
                {
                    PlanSelectionPrinter.PrintCompact(sb, fragment.SelectionSet);
                }
            }

            signatures[type] = sb.ToString();
        }

        return signatures;
    }

    /// <summary>
    /// Whether groups can share a request without one's objects getting what the other selects: they need the
    /// same entity types, or types no object can have both of (a Hotel under one path would otherwise also get
    /// what another path selects on Hotel while it asked on the Bookable interface). Their paths are then narrowed
    /// to their own types (<see cref="FetchNodeFactory"/>).
    /// </summary>
    private bool SeparableTypes(Dictionary<string, string> known, Dictionary<string, string> signatures)
    {
        if (known.Count == signatures.Count && signatures.Keys.All(known.ContainsKey))
        {
            return true;
        }

        foreach (var type in signatures.Keys)
        {
            foreach (var other in known.Keys)
            {
                if (_schema.Overlap(type, other))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool Agrees(Dictionary<string, string> known, Dictionary<string, string> signatures)
    {
        foreach (var (type, signature) in signatures)
        {
            if (known.TryGetValue(type, out var other) && other != signature)
            {
                return false;
            }
        }

        return true;
    }
}
