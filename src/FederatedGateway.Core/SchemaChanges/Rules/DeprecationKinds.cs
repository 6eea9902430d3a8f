using static FederatedGateway.Core.SchemaChanges.SchemaChangeKind;

namespace FederatedGateway.Core.SchemaChanges.Rules;

/// <summary>The kinds of <c>@deprecated</c> being added, removed and reworded on one kind of schema element (all safe).</summary>
internal sealed record DeprecationKinds(SchemaChangeKind Added, SchemaChangeKind Removed, SchemaChangeKind ReasonChanged)
{
    public static readonly DeprecationKinds Field = new(FieldDeprecationAdded, FieldDeprecationRemoved, FieldDeprecationReasonChanged);
    public static readonly DeprecationKinds FieldArgument = new(FieldArgumentDeprecationAdded, FieldArgumentDeprecationRemoved, FieldArgumentDeprecationReasonChanged);
    public static readonly DeprecationKinds InputField = new(InputFieldDeprecationAdded, InputFieldDeprecationRemoved, InputFieldDeprecationReasonChanged);
    public static readonly DeprecationKinds EnumValue = new(EnumValueDeprecationAdded, EnumValueDeprecationRemoved, EnumValueDeprecationReasonChanged);
    public static readonly DeprecationKinds DirectiveArgument = new(DirectiveArgumentDeprecationAdded, DirectiveArgumentDeprecationRemoved, DirectiveArgumentDeprecationReasonChanged);
}
