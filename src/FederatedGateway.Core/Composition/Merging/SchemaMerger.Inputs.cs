using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Merging;

internal sealed partial class SchemaMerger
{
    private void MergeInputFields(MergedType type)
    {
        var names = new List<string>();
        foreach (var (_, source) in type.Sources)
        {
            foreach (var field in source.Fields)
            {
                if (!names.Contains(field.Name))
                {
                    names.Add(field.Name);
                }
            }
        }

        foreach (var name in names)
        {
            var coordinate = $"{type.Name}.{name}";
            var present = type.Sources.Where(s => s.Type.Field(name) is not null).Select(s => (s.Graph, Field: s.Type.Field(name)!)).ToList();
            var missing = type.Sources.Where(s => s.Type.Field(name) is null).ToList();
            if (missing.Count > 0)
            {
                var required = present.FirstOrDefault(p => IsRequired(p.Field.Type, p.Field.DefaultValue));
                if (required.Graph is not null)
                {
                    Error(ErrorCodes.RequiredInputFieldMissingInSomeSubgraph,
                        $"Input object field \"{coordinate}\" is required in some subgraphs but does not appear in all subgraphs: it is required in {Subgraphs(new[] { required.Graph })} but does not appear in {Subgraphs(missing.Select(m => m.Graph))}.",
                        missing[0].Graph, coordinate, missing[0].Type.Location, $"Add \"{name}\" to input \"{type.Name}\" in {Subgraphs(missing.Select(m => m.Graph))}, or make it optional everywhere.");
                }
                else
                {
                    Hint(HintCodes.InconsistentInputObjectField, $"Input object field \"{coordinate}\" will not be added to the supergraph as it does not appear in all subgraphs: it is defined in {Subgraphs(present.Select(p => p.Graph))} but not in {Subgraphs(missing.Select(m => m.Graph))}.", coordinate);
                }

                continue;
            }

            var mergedType = MergeInputType(coordinate, present.Select(p => (p.Graph, p.Field.Type, p.Field.Location)).ToList(), ErrorCodes.FieldTypeMismatch, "Input field");
            var merged = new MergedField(name, mergedType ?? present[0].Field.Type);
            foreach (var (graph, field) in present)
            {
                merged.Sources.Add((graph, field));
                merged.Description ??= field.Description;
                Absorb(merged, field.IsInaccessible, field.Tags, field.IsDeprecated, field.DeprecationReason, field.CustomDirectives);
                merged.Joins.Add(new JoinField(graph));
            }

            merged.DefaultValue = MergeDefault(coordinate, present.Select(p => (p.Graph, p.Field.DefaultValue)).ToList(), ErrorCodes.InputFieldDefaultMismatch, "Input field");
            type.Fields.Add(merged);
        }
    }

    private void MergeEnumValues(MergedType type)
    {
        var (asInput, asOutput) = UsageOf(type.Name);
        var names = new List<string>();
        foreach (var (_, source) in type.Sources)
        {
            foreach (var value in source.EnumValues)
            {
                if (!names.Contains(value.Name))
                {
                    names.Add(value.Name);
                }
            }
        }

        foreach (var name in names)
        {
            var present = type.Sources.Where(s => s.Type.EnumValues.Exists(v => v.Name == name)).ToList();
            var values = present.Select(p => p.Type.EnumValues.Find(v => v.Name == name)!).ToList();
            var inAll = present.Count == type.Sources.Count;
            var inaccessible = values.Any(v => v.IsInaccessible);
            if (!inAll && asInput is not null && asOutput is not null && !inaccessible)
            {
                continue; // EnumValueMismatchRule reports it.
            }

            if (!inAll && asInput is not null && asOutput is null && !inaccessible)
            {
                Hint(HintCodes.InconsistentEnumValueForInputEnum, $"Value \"{name}\" of enum type \"{type.Name}\" will not be part of the supergraph as it is not defined in all the subgraphs defining \"{type.Name}\".", $"{type.Name}.{name}");
                continue;
            }

            var merged = new MergedEnumValue(name);
            foreach (var (graph, value) in present.Select((p, i) => (p.Graph, values[i])))
            {
                merged.Description ??= value.Description;
                Absorb(merged, value.IsInaccessible, value.Tags, value.IsDeprecated, value.DeprecationReason, value.CustomDirectives);
                merged.Graphs.Add(graph);
            }

            type.EnumValues.Add(merged);
        }
    }

    private EnumUsage? _enumUsage;

    private (string? Input, string? Output) UsageOf(string enumName)
    {
        _enumUsage ??= new EnumUsage(_merged);
        return _enumUsage.Of(enumName);
    }

    private void MergeComposedDirectives()
    {
        foreach (var graph in _merged.Subgraphs)
        {
            foreach (var directive in graph.ComposedDirectives)
            {
                if (!_merged.ComposedDirectives.Exists(d => d.Name == directive.Name))
                {
                    _merged.ComposedDirectives.Add(directive);
                }
            }
        }
    }
}
