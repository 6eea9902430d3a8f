using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Validation;

internal sealed partial class SubgraphValidator
{
    private const string ExternalHint = "if the field is defined in another subgraph, you need to add it to this subgraph with @external";

    private void CheckKeys()
    {
        foreach (var type in _schema.Types.Values)
        {
            if (type.Keys.Count > 0 && type.Kind is not (TypeKind.Object or TypeKind.Interface))
            {
                Error(ErrorCodes.InvalidGraphQL, $"@key cannot be used on {Kinds.Describe(type.Kind)} \"{type.Name}\": it applies to object and interface types.", type.Name, type.Location);
                continue;
            }

            foreach (var key in type.Keys)
            {
                var prefix = $"On type \"{type.Name}\", for @key(fields: \"{key.Fields}\"): ";
                CheckFieldSet(type.Name, key.Selection, prefix, FieldSetCodes.Key, isKey: true, type.Location);
            }
        }
    }

    private void CheckRequiresAndProvides()
    {
        foreach (var type in _schema.Types.Values)
        {
            foreach (var field in type.Fields)
            {
                var coordinate = $"{type.Name}.{field.Name}";
                if (field.RequiresSelection is not null)
                {
                    if (type.Kind == TypeKind.Interface)
                    {
                        Error(ErrorCodes.RequiresUnsupportedOnInterface, $"Cannot use @requires on field \"{coordinate}\" of parent type \"{type.Name}\": @requires is not yet supported within interfaces.", coordinate, field.Location, "Put @requires on the implementations' fields.");
                    }
                    else
                    {
                        var prefix = $"On field \"{coordinate}\", for @requires(fields: \"{field.Requires}\"): ";
                        if (CheckFieldSet(type.Name, field.RequiresSelection, prefix, FieldSetCodes.Requires, isKey: false, field.Location) && _schema.IsFederation2)
                        {
                            CheckExternalLeaves(type.Name, field.RequiresSelection, prefix, FieldSetCodes.Requires.FieldsMissingExternal!, "@requires", field.Location, false);
                        }
                    }
                }

                if (field.ProvidesSelection is not null)
                {
                    CheckProvides(type, field, coordinate);
                }
            }
        }
    }

    private void CheckProvides(SubgraphType type, SubgraphField field, string coordinate)
    {
        var target = _schema.Type(field.Type.NamedType);
        if (target is null || target.Kind is not (TypeKind.Object or TypeKind.Interface or TypeKind.Union))
        {
            Error(ErrorCodes.ProvidesOnNonObjectField, $"Invalid @provides directive on field \"{coordinate}\": field has type \"{field.Type}\" which is not a Composite Type.", coordinate, field.Location, "@provides belongs on fields that return an object, interface or union.");
            return;
        }

        if (type.Kind == TypeKind.Interface)
        {
            Error(ErrorCodes.ProvidesUnsupportedOnInterface, $"Cannot use @provides on field \"{coordinate}\" of parent type \"{type.Name}\": @provides is not yet supported within interfaces.", coordinate, field.Location);
            return;
        }

        var prefix = $"On field \"{coordinate}\", for @provides(fields: \"{field.Provides}\"): ";
        if (CheckFieldSet(target.Name, field.ProvidesSelection, prefix, FieldSetCodes.Provides, isKey: false, field.Location) && _schema.IsFederation2)
        {
            CheckExternalLeaves(target.Name, field.ProvidesSelection!, prefix, FieldSetCodes.Provides.FieldsMissingExternal!, "@provides", field.Location, false);
        }
    }

    /// <summary>Every selected field exists, has no arguments (keys), composite fields have selections and leaves have none.</summary>
    private bool CheckFieldSet(string typeName, FieldSet? set, string prefix, FieldSetCodes codes, bool isKey, SdlLocation location)
    {
        if (set is null)
        {
            return false;
        }

        foreach (var item in set.Items)
        {
            if (item.IsFragmentSpread || item.HasAlias)
            {
                Error(codes.InvalidFields, prefix + "named fragments and aliases are not allowed in a field set.", typeName, location);
                return false;
            }

            if (item.HasDirectives)
            {
                Error(codes.HasDirectiveInFieldsArg, prefix + "directives are not allowed in a field set.", typeName, location);
                return false;
            }

            if (item.Name is null)
            {
                var condition = item.TypeCondition ?? typeName;
                if (isKey || _schema.Type(condition) is null)
                {
                    Error(codes.InvalidFields, prefix + (isKey ? "inline fragments are not allowed in a @key." : $"unknown type \"{condition}\" in a type condition."), typeName, location);
                    return false;
                }

                if (!CheckFieldSet(condition, item.Children, prefix, codes, isKey, location))
                {
                    return false;
                }

                continue;
            }

            if (item.Name == "__typename")
            {
                continue;
            }

            var field = _schema.Field(typeName, item.Name);
            if (field is null)
            {
                Error(codes.InvalidFields, prefix + $"Cannot query field \"{item.Name}\" on type \"{typeName}\" ({ExternalHint}).", $"{typeName}.{item.Name}", location,
                    $"Add \"{item.Name}\" to \"{typeName}\" in this subgraph (marked @external if another subgraph resolves it), or fix the field set.");
                return false;
            }

            if (isKey && field.Arguments.Count > 0)
            {
                Error(ErrorCodes.KeyFieldsHasArgs, prefix + $"field \"{typeName}.{item.Name}\" includes arguments (fields with argument are not allowed in @key).", $"{typeName}.{item.Name}", location);
                return false;
            }

            var fieldType = _schema.Type(field.Type.NamedType);
            var composite = fieldType is not null && fieldType.Kind is TypeKind.Object or TypeKind.Interface or TypeKind.Union;
            if (isKey && fieldType is not null && fieldType.Kind is TypeKind.Interface or TypeKind.Union)
            {
                Error(ErrorCodes.KeyFieldsSelectInvalidType, prefix + $"field \"{typeName}.{item.Name}\" is a {(fieldType.Kind == TypeKind.Union ? "Union" : "Interface")} type which is not allowed in @key.", $"{typeName}.{item.Name}", location);
                return false;
            }

            if (composite && item.Children is null)
            {
                Error(codes.InvalidFields, prefix + $"Field \"{typeName}.{item.Name}\" of type \"{field.Type}\" must have a selection of subfields.", $"{typeName}.{item.Name}", location);
                return false;
            }

            if (!composite && item.Children is not null)
            {
                Error(codes.InvalidFields, prefix + $"Field \"{typeName}.{item.Name}\" must not have a selection since type \"{field.Type}\" has no subfields.", $"{typeName}.{item.Name}", location);
                return false;
            }

            if (item.Children is not null && !CheckFieldSet(field.Type.NamedType, item.Children, prefix, codes, isKey, location))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Federation 2: the fields a @requires/@provides selects must be @external (a parent marked @external covers its children).</summary>
    private void CheckExternalLeaves(string typeName, FieldSet set, string prefix, string code, string directive, SdlLocation location, bool underExternal)
    {
        foreach (var item in set.Items)
        {
            if (item.Name is null)
            {
                CheckExternalLeaves(item.TypeCondition ?? typeName, item.Children!, prefix, code, directive, location, underExternal);
                continue;
            }

            if (item.Name == "__typename")
            {
                continue;
            }

            var field = _schema.Field(typeName, item.Name)!;
            var external = underExternal || field.IsExternal || IsExternalInAllImplementations(typeName, item.Name);
            if (item.Children is not null)
            {
                CheckExternalLeaves(field.Type.NamedType, item.Children, prefix, code, directive, location, external);
            }
            else if (!external && !IsKeyFieldOf(typeName, field))
            {
                var what = directive == "@requires" ? "it is already provided by this subgraph (it is not marked @external)" : "it is already \"effectively\" provided by this subgraph (it is not marked @external)";
                Error(code, prefix + $"field \"{typeName}.{item.Name}\" should not be part of a {directive} since {what}.", $"{typeName}.{item.Name}", location,
                    $"Mark \"{typeName}.{item.Name}\" @external in this subgraph, or remove it from {directive}.");
            }
        }
    }

    private bool IsExternalInAllImplementations(string interfaceName, string fieldName)
    {
        if (_schema.Type(interfaceName)?.Kind != TypeKind.Interface)
        {
            return false;
        }

        var any = false;
        foreach (var type in _schema.Types.Values)
        {
            if (type.Implements.Contains(interfaceName))
            {
                var field = type.Field(fieldName);
                if (field is null || !field.IsExternal)
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }

    private bool IsKeyFieldOf(string typeName, SubgraphField field)
    {
        var type = _schema.Type(typeName);
        if (type is null)
        {
            return false;
        }

        var found = false;
        foreach (var key in type.Keys)
        {
            FieldSetWalker.Walk(_schema, typeName, key.Selection, (_, f) => found |= ReferenceEquals(f, field));
        }

        return found;
    }
}
