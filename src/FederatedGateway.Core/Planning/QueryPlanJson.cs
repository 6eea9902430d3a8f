using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Core.Planning.Selections;
using GraphQLParser.Visitors;

namespace FederatedGateway.Core.Planning;

/// <summary>
/// Writes a plan as JSON, a stable form for tools (the IDE's plan view, goldens). Every object has a camelCase
/// <c>kind</c>; properties that would be empty (an alias, arguments, conditions, a sub-selection) are left out.
/// <code>
/// plan         {"kind":"queryPlan","node":node|null}
/// node         {"kind":"fetch","id"?,"dependsOn"?:[id],"serviceName","operationKind","operationName"?,"variableUsages":[…],"selectionSet":[selection],"operation"}
///              {"kind":"entityFetch", …as fetch…, "requires":[inlineFragment]}
///              {"kind":"flatten","paths":[["field","@","... on Type"]],"node":node}
///              {"kind":"sequence"|"parallel","nodes":[node]}
///              {"kind":"condition","variable","ifClause":node|null,"elseClause":node|null}
///              {"kind":"subscription","primary":node,"rest":node|null}
/// selection    {"kind":"field","name","alias"?,"arguments"?:[{"name","value":"GraphQL literal"}],"conditions"?:[condition],"selectionSet"?:[selection]}
///              {"kind":"inlineFragment","typeCondition"?,"conditions"?:[condition],"selectionSet":[selection]}
/// condition    {"kind":"skip"|"include","variable"}
/// </code>
/// </summary>
public static class QueryPlanJson
{
    /// <summary>Compact, with non-ASCII characters as they are (the form served in responses).</summary>
    public static readonly JsonWriterOptions CompactOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Indented by two spaces, with non-ASCII characters as they are (the goldens' form).</summary>
    public static readonly JsonWriterOptions IndentedOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true, NewLine = "\n" };

    /// <summary>The plan as UTF-8 JSON.</summary>
    public static byte[] ToUtf8(QueryPlan plan, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            Write(writer, plan);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, QueryPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        writer.WriteStartObject();
        writer.WriteString("kind", "queryPlan");
        writer.WritePropertyName("node");
        Node(writer, plan.Root);
        writer.WriteEndObject();
    }

    private static void Node(Utf8JsonWriter writer, PlanNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case FetchNode fetch:
                Fetch(writer, fetch);
                break;
            case FlattenNode flatten:
                writer.WriteStartObject();
                writer.WriteString("kind", "flatten");
                writer.WriteStartArray("paths");
                foreach (var path in flatten.Paths)
                {
                    Path(writer, path);
                }

                writer.WriteEndArray();
                writer.WritePropertyName("node");
                Fetch(writer, flatten.Node);
                writer.WriteEndObject();
                break;
            case SequenceNode sequence:
                Nodes(writer, "sequence", sequence.Nodes);
                break;
            case ParallelNode parallel:
                Nodes(writer, "parallel", parallel.Nodes);
                break;
            case ConditionNode condition:
                writer.WriteStartObject();
                writer.WriteString("kind", "condition");
                writer.WriteString("variable", condition.Variable);
                writer.WritePropertyName("ifClause");
                Node(writer, condition.IfClause);
                writer.WritePropertyName("elseClause");
                Node(writer, condition.ElseClause);
                writer.WriteEndObject();
                break;
            case SubscriptionNode subscription:
                writer.WriteStartObject();
                writer.WriteString("kind", "subscription");
                writer.WritePropertyName("primary");
                Fetch(writer, subscription.Primary);
                writer.WritePropertyName("rest");
                Node(writer, subscription.Rest);
                writer.WriteEndObject();
                break;
            default:
                throw new ArgumentException($"Unknown plan node {node.GetType().Name}.", nameof(node));
        }
    }

    private static void Nodes(Utf8JsonWriter writer, string kind, IReadOnlyList<PlanNode> nodes)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", kind);
        writer.WriteStartArray("nodes");
        foreach (var node in nodes)
        {
            Node(writer, node);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void Fetch(Utf8JsonWriter writer, FetchNode fetch)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", fetch.IsEntityFetch ? "entityFetch" : "fetch");
        if (fetch.Id > 0)
        {
            writer.WriteNumber("id", fetch.Id);
            writer.WriteStartArray("dependsOn");
            foreach (var id in fetch.DependsOn)
            {
                writer.WriteNumberValue(id);
            }

            writer.WriteEndArray();
        }

        writer.WriteString("serviceName", fetch.ServiceName);
        writer.WriteString("operationKind", fetch.OperationKind switch
        {
            OperationKind.Mutation => "mutation",
            OperationKind.Subscription => "subscription",
            _ => "query",
        });
        if (fetch.OperationName is not null)
        {
            writer.WriteString("operationName", fetch.OperationName);
        }

        writer.WriteStartArray("variableUsages");
        foreach (var name in fetch.VariableUsages)
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
        if (fetch.IsEntityFetch)
        {
            writer.WriteStartArray("requires");
            foreach (var requirement in fetch.Requirements)
            {
                Selection(writer, requirement.Selection);
            }

            writer.WriteEndArray();
        }

        Selections(writer, fetch.SelectionSet);
        writer.WriteString("operation", fetch.Operation);
        writer.WriteEndObject();
    }

    private static void Path(Utf8JsonWriter writer, IReadOnlyList<PathSegment> path)
    {
        writer.WriteStartArray();
        foreach (var segment in path)
        {
            switch (segment.Kind)
            {
                case PathSegmentKind.Field:
                    writer.WriteStringValue(segment.Name);
                    break;
                case PathSegmentKind.List:
                    writer.WriteStringValue("@");
                    break;
                case PathSegmentKind.TypeFilter:
                    writer.WriteStringValue("... on " + segment.Name);
                    break;
            }
        }

        writer.WriteEndArray();
    }

    private static void Selections(Utf8JsonWriter writer, PlanSelectionSet set)
    {
        writer.WriteStartArray("selectionSet");
        foreach (var selection in set.Selections)
        {
            Selection(writer, selection);
        }

        writer.WriteEndArray();
    }

    private static void Selection(Utf8JsonWriter writer, PlanSelection selection)
    {
        writer.WriteStartObject();
        switch (selection)
        {
            case PlanField field:
                writer.WriteString("kind", "field");
                writer.WriteString("name", field.Name);
                if (field.Alias is not null)
                {
                    writer.WriteString("alias", field.Alias);
                }

                if (!field.Arguments.IsEmpty)
                {
                    writer.WriteStartArray("arguments");
                    var printer = new SDLPrinter();
                    var value = new StringBuilder();
                    foreach (var argument in field.Arguments)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("name", argument.Name);
                        printer.Print(argument.Value, value.Clear());
                        writer.WriteString("value", value.ToString());
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                Conditions(writer, selection);
                if (field.SelectionSet is not null)
                {
                    Selections(writer, field.SelectionSet);
                }

                break;
            case PlanInlineFragment fragment:
                writer.WriteString("kind", "inlineFragment");
                if (fragment.TypeCondition is not null)
                {
                    writer.WriteString("typeCondition", fragment.TypeCondition);
                }

                Conditions(writer, selection);
                Selections(writer, fragment.SelectionSet);
                break;
        }

        writer.WriteEndObject();
    }

    private static void Conditions(Utf8JsonWriter writer, PlanSelection selection)
    {
        if (selection.Conditions.IsEmpty)
        {
            return;
        }

        writer.WriteStartArray("conditions");
        foreach (var condition in selection.Conditions)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", condition.Skip ? "skip" : "include");
            writer.WriteString("variable", condition.Variable);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
