namespace FederatedGateway.Core.Composition;

/// <summary>The error codes of one field-set directive (<c>@key</c>, <c>@requires</c> or <c>@provides</c>).</summary>
internal sealed record FieldSetCodes(string InvalidFields, string InvalidFieldsType, string HasDirectiveInFieldsArg, string? FieldsMissingExternal)
{
    public static readonly FieldSetCodes Key = new(ErrorCodes.KeyInvalidFields, ErrorCodes.KeyInvalidFieldsType, ErrorCodes.KeyHasDirectiveInFieldsArg, null);

    public static readonly FieldSetCodes Requires = new(ErrorCodes.RequiresInvalidFields, ErrorCodes.RequiresInvalidFieldsType, ErrorCodes.RequiresHasDirectiveInFieldsArg, ErrorCodes.RequiresFieldsMissingExternal);

    public static readonly FieldSetCodes Provides = new(ErrorCodes.ProvidesInvalidFields, ErrorCodes.ProvidesInvalidFieldsType, ErrorCodes.ProvidesHasDirectiveInFieldsArg, ErrorCodes.ProvidesFieldsMissingExternal);
}
