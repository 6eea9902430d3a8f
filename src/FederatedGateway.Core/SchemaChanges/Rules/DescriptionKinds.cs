using static FederatedGateway.Core.SchemaChanges.SchemaChangeKind;

namespace FederatedGateway.Core.SchemaChanges.Rules;

/// <summary>The kinds of a description appearing, going and changing on one kind of schema element (all safe).</summary>
internal sealed record DescriptionKinds(SchemaChangeKind Added, SchemaChangeKind Removed, SchemaChangeKind Changed)
{
    public static readonly DescriptionKinds Type = new(TypeDescriptionAdded, TypeDescriptionRemoved, TypeDescriptionChanged);
    public static readonly DescriptionKinds Field = new(FieldDescriptionAdded, FieldDescriptionRemoved, FieldDescriptionChanged);
    public static readonly DescriptionKinds FieldArgument = new(FieldArgumentDescriptionAdded, FieldArgumentDescriptionRemoved, FieldArgumentDescriptionChanged);
    public static readonly DescriptionKinds InputField = new(InputFieldDescriptionAdded, InputFieldDescriptionRemoved, InputFieldDescriptionChanged);
    public static readonly DescriptionKinds EnumValue = new(EnumValueDescriptionAdded, EnumValueDescriptionRemoved, EnumValueDescriptionChanged);
    public static readonly DescriptionKinds Directive = new(DirectiveDescriptionAdded, DirectiveDescriptionRemoved, DirectiveDescriptionChanged);
    public static readonly DescriptionKinds DirectiveArgument = new(DirectiveArgumentDescriptionAdded, DirectiveArgumentDescriptionRemoved, DirectiveArgumentDescriptionChanged);
}
