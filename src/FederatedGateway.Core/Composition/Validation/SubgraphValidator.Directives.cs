using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Validation;

internal sealed partial class SubgraphValidator
{
    private void CheckDirectivePlacement()
    {
        foreach (var type in _schema.Types.Values)
        {
            if (type.IsInterfaceObject && type.Keys.Count == 0)
            {
                Error(ErrorCodes.InterfaceObjectUsageError, $"The @interfaceObject directive can only be applied to entity types but type \"{type.Name}\" has no @key in this subgraph.", type.Name, type.Location, "Add the interface's @key to the @interfaceObject type.");
            }

            if (type.Kind != TypeKind.Interface)
            {
                continue;
            }

            foreach (var field in type.Fields)
            {
                var coordinate = $"{type.Name}.{field.Name}";
                if (field.IsExternal)
                {
                    Error(ErrorCodes.ExternalOnInterface, $"Interface type field \"{coordinate}\" is marked @external but @external is not allowed on interface fields.", coordinate, field.Location, "Remove @external from the interface field.");
                }

                if (field.OverrideFrom is not null)
                {
                    Error(ErrorCodes.OverrideOnInterface, $"@override cannot be used on field \"{coordinate}\" on subgraph \"{_schema.Name}\": @override is not supported on interface type fields.", coordinate, field.Location, "Put @override on the implementations' fields.");
                }

                if (field.IsShareable)
                {
                    Error(ErrorCodes.InvalidShareableUsage, $"Invalid use of @shareable on field \"{coordinate}\": only object type fields can be marked with @shareable.", coordinate, field.Location, "Remove @shareable from the interface field.");
                }
            }

            CheckInterfaceKeysOnImplementations(type);
        }
    }

    private void CheckInterfaceKeysOnImplementations(SubgraphType iface)
    {
        foreach (var key in iface.Keys)
        {
            foreach (var implementation in _schema.Types.Values)
            {
                if (implementation.Kind == TypeKind.Object && implementation.Implements.Contains(iface.Name) && !implementation.Keys.Exists(k => Normalize(k.Fields) == Normalize(key.Fields)))
                {
                    Error(ErrorCodes.InterfaceKeyNotOnImplementation, $"Key @key(fields: \"{key.Fields}\") on interface type \"{iface.Name}\" is missing on implementation type \"{implementation.Name}\".", implementation.Name, implementation.Location,
                        $"Add @key(fields: \"{key.Fields}\") to \"{implementation.Name}\".");
                }
            }
        }
    }

    private static string Normalize(string fields) => string.Join(' ', fields.Split(new[] { ' ', '\n', '\t', ',', '\r' }, StringSplitOptions.RemoveEmptyEntries));

    private void CheckUnusedExternals()
    {
        var used = FieldSetWalker.FieldsInUse(_schema);
        foreach (var type in _schema.Types.Values)
        {
            foreach (var field in type.Fields)
            {
                if (field.IsExternal && !used.Contains(field))
                {
                    var coordinate = $"{type.Name}.{field.Name}";
                    Error(ErrorCodes.ExternalUnused, $"Field \"{coordinate}\" is marked @external but is not used in any federation directive (@key, @provides, @requires) or to satisfy an interface; the field declaration has no use and should be removed (or the field should not be @external).",
                        coordinate, field.Location, "Remove the field, or drop @external if this subgraph resolves it.");
                }
            }
        }
    }
}
