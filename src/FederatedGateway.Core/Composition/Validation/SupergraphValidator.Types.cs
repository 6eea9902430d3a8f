using FederatedGateway.Core.Composition.Merging;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Validation;

internal sealed partial class SupergraphValidator
{
    /// <summary>Every implementation has the fields of its interfaces; entity interfaces know all their implementations.</summary>
    private void CheckInterfaces()
    {
        foreach (var type in _schema.Types.Values)
        {
            foreach (var name in type.Implements)
            {
                var iface = _schema.Type(name);
                if (iface is null || iface.Kind != TypeKind.Interface)
                {
                    continue;
                }

                foreach (var field in iface.Fields)
                {
                    if (type.Field(field.Name) is null)
                    {
                        var declaredIn = Names(field.Sources.Select(s => s.Graph));
                        var implementsIn = Names(type.JoinImplements.Where(j => j.Interface == name).Select(j => j.Graph));
                        Error(ErrorCodes.InterfaceFieldNoImplem, $"Interface field \"{name}.{field.Name}\" is declared in {declaredIn} but type \"{type.Name}\", which implements \"{name}\" only in {implementsIn} does not have field \"{field.Name}\".",
                            type.Sources[0].Graph, $"{type.Name}.{field.Name}", type.Sources[0].Type.Location, $"Add \"{field.Name}\" to \"{type.Name}\" in the subgraphs where it implements \"{name}\".");
                    }
                }
            }
        }

        foreach (var iface in _schema.Types.Values)
        {
            if (iface.Kind != TypeKind.Interface)
            {
                continue;
            }

            var implementations = _schema.Types.Values.Where(t => t.Kind == TypeKind.Object && t.Implements.Contains(iface.Name)).ToList();
            foreach (var (graph, source) in iface.Sources)
            {
                var key = source.Keys.Find(k => k.IsResolvable);
                if (source.IsInterfaceObject || key is null)
                {
                    continue;
                }

                var missing = implementations.Where(t => !graph.Types.TryGetValue(t.Name, out var o) || !o.Implements.Contains(iface.Name)).ToList();
                if (missing.Count > 0)
                {
                    Error(ErrorCodes.InterfaceKeyMissingImplementationType,
                        $"Interface type \"{iface.Name}\" has a resolvable key (@key(fields: \"{key.Fields}\")) in subgraph \"{graph.Name}\" but that subgraph is missing some of the supergraph implementation types of \"{iface.Name}\". Subgraph \"{graph.Name}\" should define type{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"\"{m.Name}\""))} (and have {(missing.Count > 1 ? "them" : "it")} implement \"{iface.Name}\").",
                        graph, iface.Name, source.Location, "An entity interface must be defined with all its implementations in the subgraphs that resolve its key.");
                }
            }
        }
    }

    private void CheckInterfaceObjects()
    {
        foreach (var type in _schema.Types.Values)
        {
            if (type.Kind == TypeKind.Interface && type.Sources.Count > 0 && type.Sources.All(s => s.Type.IsInterfaceObject))
            {
                Error(ErrorCodes.InterfaceObjectUsageError,
                    $"Type \"{type.Name}\" is declared with @interfaceObject in all the subgraphs in which is is defined (it is defined in {Names(type.Sources.Select(s => s.Graph))} but should be defined as an interface in at least one subgraph).",
                    type.Sources[0].Graph, type.Name, type.Sources[0].Type.Location, $"Define \"{type.Name}\" as an interface with @key in the subgraph that owns its implementations.");
            }
        }
    }
}
