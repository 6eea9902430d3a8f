namespace FederatedGateway.Core.Composition;

/// <summary>Every hint code the composer reports (<see cref="CompositionResult.Hints"/>), as Apollo's composer names them.</summary>
public static class HintCodes
{
    public const string InconsistentArgumentPresence = "INCONSISTENT_ARGUMENT_PRESENCE";
    public const string InconsistentDefaultValuePresence = "INCONSISTENT_DEFAULT_VALUE_PRESENCE";
    public const string InconsistentInputObjectField = "INCONSISTENT_INPUT_OBJECT_FIELD";
    public const string InconsistentEnumValueForInputEnum = "INCONSISTENT_ENUM_VALUE_FOR_INPUT_ENUM";
    public const string FromSubgraphDoesNotExist = "FROM_SUBGRAPH_DOES_NOT_EXIST";
    public const string OverrideDirectiveCanBeRemoved = "OVERRIDE_DIRECTIVE_CAN_BE_REMOVED";
    public const string MergedNonRepeatableDirectiveArguments = "MERGED_NON_REPEATABLE_DIRECTIVE_ARGUMENTS";
}
