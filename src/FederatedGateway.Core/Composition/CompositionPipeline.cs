using FederatedGateway.Core.Composition.Merging;
using FederatedGateway.Core.Composition.Printing;
using FederatedGateway.Core.Composition.Rules;
using FederatedGateway.Core.Composition.Rules.Subgraph;
using FederatedGateway.Core.Composition.Rules.Supergraph;
using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Composition.Satisfiability;

namespace FederatedGateway.Core.Composition;

/// <summary>
/// Composition, stage by stage. Each stage runs only when the ones before it reported no error (the merge rules run
/// right after merging whatever it reported, so its errors and theirs are reported together), except that every
/// subgraph that reads cleanly goes through the subgraph rules, each subgraph's phases gated by its own errors only,
/// and the subgraphs that pass them are merged (and the merge rules run) even when others did not:
/// <list type="number">
/// <item>read subgraphs: check the names, parse each SDL and resolve its federation directives (<see cref="SubgraphReader"/>);</item>
/// <item>subgraph rules: <see cref="SubgraphRules"/>, phase by phase, on each subgraph;</item>
/// <item>merge: unite the subgraphs into one model (<see cref="SchemaMerger"/>), which reports the types and fields it cannot merge;</item>
/// <item>merge rules: <see cref="MergeRules"/>, on what merging kept or dropped, even when merging reported errors;</item>
/// <item>supergraph rules: <see cref="SupergraphRules"/> on the merged model;</item>
/// <item>satisfiability: every field is reachable and resolvable from the root types (<see cref="SatisfiabilityCheck"/>);</item>
/// <item>print: the Apollo-format supergraph SDL (<see cref="SupergraphPrinter"/>).</item>
/// </list>
/// To add a rule, write an <see cref="ISubgraphRule"/> or <see cref="ISupergraphRule"/> next to the others (copy
/// <see cref="KeyFieldsSelectInvalidTypeRule"/> or <see cref="NoQueriesRule"/>) and list it here.
/// </summary>
internal static class CompositionPipeline
{
    /// <summary>
    /// Subgraph rules in phases: a phase runs on a subgraph only when no error was reported for it yet, the first
    /// phase always (the later ones rely on the types being well-formed).
    /// </summary>
    public static readonly IReadOnlyList<IReadOnlyList<ISubgraphRule>> SubgraphRules =
    [
        [new UnknownOrWrongKindTypeReferenceRule(), new InterfaceImplementsItselfRule()],
        [new InvalidDefaultValueRule()],
        [
            new KeyOnInvalidTypeRule(), new KeyInvalidFieldsRule(), new KeyFieldsHasArgsRule(), new KeyFieldsSelectInvalidTypeRule(),
            new RequiresUnsupportedOnInterfaceRule(), new RequiresInvalidFieldsRule(), new RequiresFieldsMissingExternalRule(),
            new ProvidesOnNonObjectFieldRule(), new ProvidesUnsupportedOnInterfaceRule(), new ProvidesInvalidFieldsRule(), new ProvidesFieldsMissingExternalRule(),
            new InterfaceObjectWithoutKeyRule(), new ExternalOnInterfaceRule(), new OverrideOnInterfaceRule(), new InvalidShareableUsageRule(),
            new InterfaceKeyNotOnImplementationRule(), new ExternalUnusedRule(),
            new AuthRequirementsOnInterfaceRule(), new CostOnInterfaceFieldRule(), new ListSizeRule(),
        ],
    ];

    /// <summary>Rules over what merging decided (overrides, values and fields kept), run right after merging whatever it reported.</summary>
    public static readonly IReadOnlyList<ISupergraphRule> MergeRules =
    [
        new OverrideCollisionWithAnotherDirectiveRule(), new OverrideFromSelfRule(), new OverrideSourceHasOverrideRule(),
        new EmptyMergedInputTypeRule(), new EnumValueMismatchRule(), new EmptyMergedEnumTypeRule(),
    ];

    /// <summary>Rules over the merged model, run together when merging and the merge rules reported no error.</summary>
    public static readonly IReadOnlyList<ISupergraphRule> SupergraphRules =
    [
        new NoQueriesRule(), new InvalidFieldSharingRule(), new ExternalMissingOnBaseRule(),
        new InterfaceFieldNoImplementationRule(), new InterfaceKeyMissingImplementationTypeRule(), new InterfaceObjectWithoutInterfaceRule(),
        new QueryRootTypeInaccessibleRule(), new OnlyInaccessibleChildrenRule(), new ReferencedInaccessibleRule(), new RequiredInaccessibleRule(), new ImplementedByInaccessibleRule(),
        new MissingTransitiveAuthRequirementsRule(),
    ];

    public static CompositionResult Run(IReadOnlyList<SubgraphSource> subgraphs)
    {
        var errors = new List<CompositionError>();
        var hints = new List<CompositionError>();
        // The subgraphs that read without error are checked by the subgraph rules even when another did not read, and
        // the ones the rules find clean are merged even when another is not, so one run reports every subgraph's
        // problems and the conflicts between the clean ones.
        var schemas = ReadSubgraphs(subgraphs, errors);
        var clean = ValidateSubgraphs(schemas, errors);
        if (errors.Count > 0)
        {
            MergeOnlyForErrors(clean, errors);
            return new CompositionResult(null, errors, hints);
        }

        var merged = SchemaMerger.Merge(schemas, errors, hints);
        Validate(merged, MergeRules, errors);
        if (errors.Count == 0)
        {
            Validate(merged, SupergraphRules, errors);
        }

        if (errors.Count == 0)
        {
            SatisfiabilityCheck.Check(merged, errors);
        }

        return errors.Count > 0 ? new CompositionResult(null, errors, hints) : new CompositionResult(SupergraphPrinter.Print(merged), errors, hints);
    }

    /// <summary>
    /// Merging and the merge rules on the subgraphs that are clean while others are not: their conflicts (a field's
    /// type, an argument, a kind…) are errors whatever the other subgraphs say. The supergraph rules and
    /// satisfiability do not run, as they judge the whole graph, which a missing subgraph would change; the hints are
    /// dropped for the same reason (an <c>@override(from:)</c> naming a subgraph that did not read, for one).
    /// </summary>
    private static void MergeOnlyForErrors(List<SubgraphSchema> clean, List<CompositionError> errors)
    {
        if (clean.Count == 0)
        {
            return;
        }

        var merged = SchemaMerger.Merge(clean, errors, hints: []);
        Validate(merged, MergeRules, errors);
    }

    private static List<SubgraphSchema> ReadSubgraphs(IReadOnlyList<SubgraphSource> subgraphs, List<CompositionError> errors)
    {
        var schemas = new List<SubgraphSchema>();
        if (!SubgraphNames.Check(subgraphs, errors))
        {
            return schemas;
        }

        foreach (var source in subgraphs.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var before = errors.Count;
            if (SubgraphReader.Read(source, errors) is { } schema && errors.Count == before)
            {
                schemas.Add(schema);
            }
        }

        SubgraphNames.AssignGraphEnumValues(schemas);
        return schemas;
    }

    /// <returns>The subgraphs the rules reported no error for.</returns>
    private static List<SubgraphSchema> ValidateSubgraphs(List<SubgraphSchema> schemas, List<CompositionError> errors)
    {
        // Phases are gated per subgraph: one subgraph's early errors do not hide another's later ones.
        var clean = new List<SubgraphSchema>();
        foreach (var schema in schemas)
        {
            var context = new SubgraphRuleContext(schema, errors);
            var before = errors.Count;
            for (var phase = 0; phase < SubgraphRules.Count && (phase == 0 || errors.Count == before); phase++)
            {
                foreach (var rule in SubgraphRules[phase])
                {
                    rule.Validate(context);
                }
            }

            if (errors.Count == before)
            {
                clean.Add(schema);
            }
        }

        return clean;
    }

    private static void Validate(MergedSchema merged, IReadOnlyList<ISupergraphRule> rules, List<CompositionError> errors)
    {
        var context = new SupergraphRuleContext(merged, errors);
        foreach (var rule in rules)
        {
            rule.Validate(context);
        }
    }
}
