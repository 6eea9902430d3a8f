using FederatedGateway.Core.Supergraph;
using FederatedGateway.Testing.Generation;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Tests.Generation;

/// <summary>
/// The generator's variables take every form the differential runs must cover: given, omitted so that a default
/// applies, given over a default, explicitly null, omitted without default; in conditions and in arguments.
/// </summary>
public sealed class OperationGeneratorVariableTests
{
    [Theory]
    [InlineData("bench", false)]
    [InlineData("demo", true)]
    public void VariablesComeInEveryForm(string graph, bool hasNullableArgumentWithoutDefault)
    {
        var schema = SupergraphReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Goldens", graph, "supergraph.graphql")));
        var generator = new OperationGenerator(new ApiModel(schema), seed: 1414);
        var forms = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 1000; i++)
        {
            var operation = generator.Next();
            var definition = GraphQLParser.Parser.Parse(operation.Query).Definitions.OfType<GraphQLOperationDefinition>().Single();
            foreach (var variable in definition.Variables?.Items ?? new List<GraphQLVariableDefinition>())
            {
                var name = variable.Variable.Name.StringValue;
                var use = name.StartsWith('v') ? "condition" : "argument";
                var given = operation.Variables.TryGetPropertyValue(name, out var value);
                var form = (given, value is null, variable.DefaultValue is not null) switch
                {
                    (true, true, _) => "explicit null",
                    (true, false, true) => "given over a default",
                    (true, false, false) => "given",
                    (false, _, true) => "omitted with a default",
                    (false, _, false) => "omitted without default",
                };
                forms.Add(use + ": " + form);
            }
        }

        var expected = new[]
        {
            "condition: given", "condition: given over a default", "condition: omitted with a default",
            "argument: given", "argument: given over a default", "argument: omitted with a default",
            "argument: omitted without default",
        }.ToList();

        // Explicit null only where it means the same as leaving the argument out (bench has no such argument).
        if (hasNullableArgumentWithoutDefault)
        {
            expected.Add("argument: explicit null");
        }
        else
        {
            Assert.DoesNotContain("argument: explicit null", forms);
        }

        Assert.Empty(expected.Except(forms));
    }
}
