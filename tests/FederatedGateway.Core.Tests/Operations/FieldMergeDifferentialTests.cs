using System.Text;
using GraphQL;
using GraphQL.Types;

namespace FederatedGateway.Core.Tests.Operations;

/// <summary>
/// Random documents over the pet schema, made to collide (two aliases, shared field names, fragments on the
/// interface, the union and both object types, nested): <c>FieldMergeValidator</c> must accept exactly the
/// documents GraphQL.NET's OverlappingFieldsCanBeMerged accepts.
/// </summary>
public sealed class FieldMergeDifferentialTests
{
    private static readonly string[] Aliases = ["x", "y"];
    private static readonly string[] Commands = ["SIT", "HEEL"];

    [Fact]
    public void AgreesWithGraphQLNetOnRandomCollidingDocuments()
    {
        var random = new Random(1302);
        int accepted = 0, refused = 0;
        for (var i = 0; i < 1500; i++)
        {
            var query = "{" + SelectionSet(random, PetSchema.Schema.Query, depth: 0) + " }";
            if (!PetSchema.OtherRulesAccept(query))
            {
                continue;
            }

            var expected = PetSchema.ReferenceAccepts(query);
            Assert.True(expected == (PetSchema.Validate(query).Count == 0), $"GraphQL.NET {(expected ? "accepts" : "refuses")}: {query}");
            if (expected)
            {
                accepted++;
            }
            else
            {
                refused++;
            }
        }

        // Both verdicts must be well represented for the comparison to mean something.
        Assert.True(accepted > 200 && refused > 200, $"{accepted} accepted, {refused} refused");
    }

    private static string SelectionSet(Random random, IGraphType type, int depth)
    {
        var sb = new StringBuilder();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            if (type is UnionGraphType || (depth > 0 && random.Next(3) == 0))
            {
                var condition = random.Next(4) switch { 0 => "Dog", 1 => "Cat", 2 => "Pet", _ => null };
                if (condition is not null && !CanSpread(type, condition))
                {
                    condition = type.Name;
                }

                var conditionType = condition is null ? type : PetSchema.Schema.AllTypes[condition]!;
                sb.Append(condition is null ? " ... {" : $" ... on {condition} {{").Append(Field(random, conditionType, depth)).Append(" }");
            }
            else
            {
                sb.Append(Field(random, type, depth));
            }
        }

        return sb.ToString();
    }

    private static bool CanSpread(IGraphType type, string condition) => (type.Name, condition) switch
    {
        ("Dog" or "Cat", "Pet") => true,
        ("Pet" or "CatOrDog", "Dog" or "Cat") => true,
        (var a, var b) => a == b,
    };

    private static string Field(Random random, IGraphType type, int depth)
    {
        if (type is not IComplexGraphType complex)
        {
            return " __typename";
        }

        var fields = complex.Fields.Where(f => depth < 3 || f.ResolvedType!.GetNamedType() is ScalarGraphType).ToList();
        var field = fields[random.Next(fields.Count)];
        var sb = new StringBuilder(" ");
        if (random.Next(3) > 0)
        {
            sb.Append(Aliases[random.Next(Aliases.Length)]).Append(": ");
        }

        sb.Append(field.Name);
        if (field.Arguments?.Count > 0)
        {
            sb.Append("(command: \"").Append(Commands[random.Next(Commands.Length)]).Append("\")");
        }

        var named = field.ResolvedType!.GetNamedType();
        if (named is not ScalarGraphType)
        {
            sb.Append(" {").Append(SelectionSet(random, named, depth + 1)).Append(" }");
        }

        return sb.ToString();
    }
}
