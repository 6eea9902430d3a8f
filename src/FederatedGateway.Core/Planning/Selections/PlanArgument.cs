using GraphQLParser.AST;

namespace FederatedGateway.Core.Planning.Selections;

/// <summary>
/// A field argument a fetch forwards: the value as the client's document has it (a literal or a variable), read only.
/// </summary>
public sealed class PlanArgument
{
    public PlanArgument(string name, GraphQLValue value)
    {
        Name = name;
        Value = value;
    }

    public string Name { get; }

    public GraphQLValue Value { get; }
}
