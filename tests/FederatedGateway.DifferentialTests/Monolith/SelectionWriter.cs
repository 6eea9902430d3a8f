using System.Text;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;
using FederatedGateway.Testing.Generation;

namespace FederatedGateway.DifferentialTests.Monolith;

/// <summary>
/// Writes what the monolith asks a subgraph for when it fetches a field: for an entity, its keys in that
/// subgraph and its leaf fields there (the rest is fetched on demand through a key); for a value type, every
/// field the subgraph resolves, with every argument choice; for an abstract type, the members it knows.
/// </summary>
public sealed class SelectionWriter
{
    private const int MaxValueDepth = 8;
    private readonly ApiModel _model;

    public SelectionWriter(ApiModel model) => _model = model;

    public string Write(string graph, SchemaType type, AliasMap aliases) => Write(graph, type, aliases, 0);

    private string Write(string graph, SchemaType type, AliasMap aliases, int depth)
    {
        var sb = new StringBuilder("{ __typename ");
        var asObject = type.Kind == TypeKind.Object || (type.Graphs.TryGetValue(graph, out var inGraph) && inGraph.IsInterfaceObject);
        if (asObject)
        {
            WriteObjectFields(graph, type, aliases, depth, sb);
        }
        else
        {
            foreach (var possible in _model.Schema.PossibleTypes(type.Name).Select(_model.Schema.GetType))
            {
                if (FederationFacts.KnowsMember(type, possible, graph))
                {
                    sb.Append("... on ").Append(possible.Name).Append(' ').Append(Write(graph, possible, aliases, depth)).Append(' ');
                }
            }
        }

        return sb.Append('}').ToString();
    }

    private void WriteObjectFields(string graph, SchemaType type, AliasMap aliases, int depth, StringBuilder sb)
    {
        var entity = FederationFacts.IsEntity(type);
        if (type.Graphs.TryGetValue(graph, out var inGraph))
        {
            foreach (var key in inGraph.Keys)
            {
                WriteKey(graph, type, key.Selection, aliases, sb);
            }
        }

        foreach (var field in _model.VisibleFields(type))
        {
            var named = _model.Named(field.Type);
            if (!FederationFacts.Resolves(type, field, graph) || FederationFacts.Requires(field, graph) is not null
                || (!named.IsLeaf && (entity || depth >= MaxValueDepth)))
            {
                continue;
            }

            foreach (var combo in _model.ArgumentCombinations(type, field))
            {
                sb.Append(aliases.Add(ApiModel.StorageKey(field.Name, combo))).Append(": ").Append(field.Name).Append(_model.ArgumentText(field, combo));
                if (!named.IsLeaf)
                {
                    sb.Append(' ').Append(Write(graph, named, aliases, depth + 1));
                }

                sb.Append(' ');
            }
        }
    }

    private void WriteKey(string graph, SchemaType type, SelectionSet key, AliasMap aliases, StringBuilder sb)
    {
        foreach (var field in key.Selections.OfType<FieldSelection>())
        {
            if (field.IsTypename)
            {
                continue;
            }

            var definition = type.Fields[field.Name];
            sb.Append(aliases.Add(StorageKeyWithoutArguments(definition))).Append(": ").Append(field.Name).Append(' ');
            if (field.SelectionSet is not null)
            {
                // The whole nested object, not just its key part: the object is stored under this field's key.
                sb.Append(Write(graph, _model.Named(definition.Type), aliases, MaxValueDepth - 1)).Append(' ');
            }
        }
    }

    public string StorageKeyWithoutArguments(SchemaField field) =>
        ApiModel.StorageKey(field.Name, _model.VisibleArguments(field).Select(_ => (string?)null));
}
