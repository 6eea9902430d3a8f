namespace FederatedGateway.Core.Composition;

/// <summary>
/// Every error code the composer reports (<see cref="CompositionError.Code"/>). The strings are Apollo's composition
/// error codes, so tools that know Apollo's codes read ours; the few codes Apollo lacks are marked as ours.
/// </summary>
public static class ErrorCodes
{
    // Inputs (ours)
    public const string NoSubgraphs = "NO_SUBGRAPHS";
    public const string InvalidSubgraphName = "INVALID_SUBGRAPH_NAME";
    public const string DuplicateSubgraphName = "DUPLICATE_SUBGRAPH_NAME";
    public const string UnsupportedFeature = "UNSUPPORTED_FEATURE";

    // Reading one subgraph
    public const string InvalidGraphQL = "INVALID_GRAPHQL";
    public const string UnknownFederationLinkVersion = "UNKNOWN_FEDERATION_LINK_VERSION";
    public const string InvalidLinkDirectiveUsage = "INVALID_LINK_DIRECTIVE_USAGE";
    public const string DirectiveCompositionError = "DIRECTIVE_COMPOSITION_ERROR";
    public const string LinkImportNameMismatch = "LINK_IMPORT_NAME_MISMATCH";

    // Field sets of @key, @requires and @provides
    public const string KeyInvalidFields = "KEY_INVALID_FIELDS";
    public const string KeyInvalidFieldsType = "KEY_INVALID_FIELDS_TYPE";
    public const string KeyHasDirectiveInFieldsArg = "KEY_HAS_DIRECTIVE_IN_FIELDS_ARG";
    public const string KeyFieldsHasArgs = "KEY_FIELDS_HAS_ARGS";
    public const string KeyFieldsSelectInvalidType = "KEY_FIELDS_SELECT_INVALID_TYPE";
    public const string RequiresInvalidFields = "REQUIRES_INVALID_FIELDS";
    public const string RequiresInvalidFieldsType = "REQUIRES_INVALID_FIELDS_TYPE";
    public const string RequiresHasDirectiveInFieldsArg = "REQUIRES_HAS_DIRECTIVE_IN_FIELDS_ARG";
    public const string RequiresFieldsMissingExternal = "REQUIRES_FIELDS_MISSING_EXTERNAL";
    public const string RequiresUnsupportedOnInterface = "REQUIRES_UNSUPPORTED_ON_INTERFACE";
    public const string ProvidesInvalidFields = "PROVIDES_INVALID_FIELDS";
    public const string ProvidesInvalidFieldsType = "PROVIDES_INVALID_FIELDS_TYPE";
    public const string ProvidesHasDirectiveInFieldsArg = "PROVIDES_HAS_DIRECTIVE_IN_FIELDS_ARG";
    public const string ProvidesFieldsMissingExternal = "PROVIDES_FIELDS_MISSING_EXTERNAL";
    public const string ProvidesOnNonObjectField = "PROVIDES_ON_NON_OBJECT_FIELD";
    public const string ProvidesUnsupportedOnInterface = "PROVIDES_UNSUPPORTED_ON_INTERFACE";

    // Directive placement in one subgraph
    public const string ExternalOnInterface = "EXTERNAL_ON_INTERFACE";
    public const string ExternalUnused = "EXTERNAL_UNUSED";
    public const string OverrideOnInterface = "OVERRIDE_ON_INTERFACE";
    public const string InvalidShareableUsage = "INVALID_SHAREABLE_USAGE";
    public const string InterfaceObjectUsageError = "INTERFACE_OBJECT_USAGE_ERROR";
    public const string InterfaceKeyNotOnImplementation = "INTERFACE_KEY_NOT_ON_IMPLEMENTATION";
    public const string AuthRequirementsAppliedOnInterface = "AUTH_REQUIREMENTS_APPLIED_ON_INTERFACE";
    public const string CostAppliedToInterfaceField = "COST_APPLIED_TO_INTERFACE_FIELD";
    public const string ListSizeAppliedToNonList = "LIST_SIZE_APPLIED_TO_NON_LIST";
    public const string ListSizeInvalidAssumedSize = "LIST_SIZE_INVALID_ASSUMED_SIZE";
    public const string ListSizeInvalidSlicingArgument = "LIST_SIZE_INVALID_SLICING_ARGUMENT";
    public const string ListSizeInvalidSizedField = "LIST_SIZE_INVALID_SIZED_FIELD";

    // Merging
    public const string TypeKindMismatch = "TYPE_KIND_MISMATCH";
    public const string FieldTypeMismatch = "FIELD_TYPE_MISMATCH";
    public const string FieldArgumentTypeMismatch = "FIELD_ARGUMENT_TYPE_MISMATCH";
    public const string FieldArgumentDefaultMismatch = "FIELD_ARGUMENT_DEFAULT_MISMATCH";
    public const string InputFieldDefaultMismatch = "INPUT_FIELD_DEFAULT_MISMATCH";
    public const string RequiredArgumentMissingInSomeSubgraph = "REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH";
    public const string RequiredInputFieldMissingInSomeSubgraph = "REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH";
    public const string EmptyMergedInputType = "EMPTY_MERGED_INPUT_TYPE";
    public const string EmptyMergedEnumType = "EMPTY_MERGED_ENUM_TYPE";
    public const string EnumValueMismatch = "ENUM_VALUE_MISMATCH";
    public const string OverrideCollisionWithAnotherDirective = "OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE";
    public const string OverrideFromSelfError = "OVERRIDE_FROM_SELF_ERROR";
    public const string OverrideSourceHasOverride = "OVERRIDE_SOURCE_HAS_OVERRIDE";

    // The merged supergraph
    public const string NoQueries = "NO_QUERIES";
    public const string InvalidFieldSharing = "INVALID_FIELD_SHARING";
    public const string ExternalMissingOnBase = "EXTERNAL_MISSING_ON_BASE";
    public const string InterfaceFieldNoImplem = "INTERFACE_FIELD_NO_IMPLEM";
    public const string InterfaceKeyMissingImplementationType = "INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE";
    public const string QueryRootTypeInaccessible = "QUERY_ROOT_TYPE_INACCESSIBLE";
    public const string ReferencedInaccessible = "REFERENCED_INACCESSIBLE";
    public const string OnlyInaccessibleChildren = "ONLY_INACCESSIBLE_CHILDREN";
    public const string RequiredInaccessible = "REQUIRED_INACCESSIBLE";
    public const string ImplementedByInaccessible = "IMPLEMENTED_BY_INACCESSIBLE";
    public const string MissingTransitiveAuthRequirements = "MISSING_TRANSITIVE_AUTH_REQUIREMENTS";
    public const string SatisfiabilityError = "SATISFIABILITY_ERROR";
}
