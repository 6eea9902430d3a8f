using System.Text;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Core.Planning.Selections;

namespace FederatedGateway.Core.Planning;

/// <summary>
/// Prints the GraphQL document a <see cref="FetchNode"/> sends:
/// <c>query Name($representations: [_Any!]!, $v: T = d){_entities(representations: $representations){…}}</c>.
/// </summary>
public static class FetchOperationPrinter
{
    public static string Print(FetchNode fetch)
    {
        var sb = new StringBuilder(64);
        sb.Append(fetch.OperationKind switch
        {
            OperationKind.Mutation => "mutation",
            OperationKind.Subscription => "subscription",
            _ => "query",
        });
        if (fetch.OperationName is not null)
        {
            sb.Append(' ').Append(fetch.OperationName);
        }

        var declared = 0;
        if (fetch.IsEntityFetch)
        {
            sb.Append("($representations: [_Any!]!");
            declared++;
        }

        foreach (var variable in fetch.Variables)
        {
            sb.Append(declared++ == 0 ? "($" : ", $").Append(variable.Name).Append(": ").Append(variable.Type);
            if (variable.DefaultValue is not null)
            {
                sb.Append(" = ").Append(variable.DefaultValue);
            }
        }

        if (declared > 0)
        {
            sb.Append(')');
        }

        if (fetch.IsEntityFetch)
        {
            sb.Append("{_entities(representations: $representations)");
            PlanSelectionPrinter.PrintCompact(sb, fetch.SelectionSet);
            sb.Append('}');
        }
        else
        {
            PlanSelectionPrinter.PrintCompact(sb, fetch.SelectionSet);
        }

        return sb.ToString();
    }
}
