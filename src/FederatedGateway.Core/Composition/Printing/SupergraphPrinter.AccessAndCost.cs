using System.Globalization;
using System.Text;
using FederatedGateway.Core.Composition.Merging;
using FederatedGateway.Core.Composition.Subgraphs;

namespace FederatedGateway.Core.Composition.Printing;

internal static partial class SupergraphPrinter
{
    private static void AppendAccessAndCost(StringBuilder sb, AccessAndCostDirectives directives, string separator, IReadOnlyDictionary<string, string> names)
    {
        if (directives.IsEmpty)
        {
            return;
        }

        if (directives.Authenticated)
        {
            sb.Append(separator).Append('@').Append(AccessAndCostSpecs.NameInSupergraph(names, "authenticated"));
        }

        if (directives.Scopes is not null)
        {
            sb.Append(separator).Append('@').Append(AccessAndCostSpecs.NameInSupergraph(names, "requiresScopes"))
                .Append("(scopes: ").Append(AccessAndCostMerger.AlternativesText(directives.Scopes)).Append(')');
        }

        if (directives.Policies is not null)
        {
            sb.Append(separator).Append('@').Append(AccessAndCostSpecs.NameInSupergraph(names, "policy"))
                .Append("(policies: ").Append(AccessAndCostMerger.AlternativesText(directives.Policies)).Append(')');
        }

        if (directives.CostWeight is { } weight)
        {
            sb.Append(separator).Append('@').Append(AccessAndCostSpecs.NameInSupergraph(names, "cost"))
                .Append("(weight: ").Append(weight.ToString(CultureInfo.InvariantCulture)).Append(')');
        }

        if (directives.ListSize is { } listSize)
        {
            var arguments = listSize.ArgumentsText();
            sb.Append(separator).Append('@').Append(AccessAndCostSpecs.NameInSupergraph(names, "listSize"));
            if (arguments.Length > 0)
            {
                sb.Append('(').Append(arguments).Append(')');
            }
        }
    }
}
