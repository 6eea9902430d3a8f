using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Subgraphs;

internal sealed partial class SubgraphReader
{
    /// <summary>
    /// Extension semantics: a type declared only with <c>extend type</c> (Federation 2) or with <c>@extends</c> is an
    /// extension; key fields marked <c>@external</c> on such a type are owned here all the same. Federation 1 reads
    /// <c>extend type</c> as a definition, and drops <c>@external</c> fields no federation directive uses.
    /// </summary>
    private void ApplyExtensionRules()
    {
        foreach (var type in _schema.Types.Values)
        {
            var onlyExtended = _extendedBySyntax.Contains(type.Name) && !_baseDefined.Contains(type.Name);
            type.OnlyExtensionSyntax = onlyExtended;
            var canExtend = type.Kind is TypeKind.Object or TypeKind.Interface;
            type.IsExtension = canExtend && (_extendsDirective.Contains(type.Name) || (_federation.IsFederation2 && onlyExtended));
            if (type.IsExtension || onlyExtended)
            {
                foreach (var key in type.Keys)
                {
                    FieldSetWalker.Walk(_schema, type.Name, key.Selection, (_, field) =>
                    {
                        if (field is not null)
                        {
                            field.IsExternal = false;
                        }
                    });
                }
            }
        }

        if (!_federation.IsFederation2)
        {
            RemoveUnusedExternals();
        }
    }

    private void RemoveUnusedExternals()
    {
        var used = FieldSetWalker.FieldsUsedByDirectives(_schema);
        foreach (var type in _schema.Types.Values)
        {
            type.Fields.RemoveAll(f => f.IsExternal && !used.Contains(f) && !IsRequiredByInterface(type, f.Name));
        }
    }

    private bool IsRequiredByInterface(SubgraphType type, string fieldName)
    {
        foreach (var name in type.Implements)
        {
            if (_schema.Field(name, fieldName) is not null)
            {
                return true;
            }
        }

        return false;
    }
}
