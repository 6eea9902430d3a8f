using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>The @requires and @provides field sets whose fields can be checked, and the checks the rules over them share.</summary>
internal static class FieldSetSites
{
    /// <summary>Every @requires on an object type field (on interfaces it is a <see cref="RequiresUnsupportedOnInterfaceRule"/> error).</summary>
    public static IEnumerable<FieldSetSite> Requires(SubgraphSchema schema)
    {
        foreach (var type in schema.Types.Values)
        {
            if (type.Kind == TypeKind.Interface)
            {
                continue;
            }

            foreach (var field in type.Fields)
            {
                if (field.RequiresSelection is not null)
                {
                    yield return new FieldSetSite(type.Name, field.RequiresSelection, FieldSetChecks.FieldPrefix($"{type.Name}.{field.Name}", "requires", field.Requires), field.Location);
                }
            }
        }
    }

    /// <summary>Every @provides on an object type field returning a composite type.</summary>
    public static IEnumerable<FieldSetSite> Provides(SubgraphSchema schema)
    {
        foreach (var type in schema.Types.Values)
        {
            if (type.Kind == TypeKind.Interface)
            {
                continue;
            }

            foreach (var field in type.Fields)
            {
                if (field.ProvidesSelection is not null && FieldSetChecks.ProvidedType(schema, field) is { } target)
                {
                    yield return new FieldSetSite(target.Name, field.ProvidesSelection, FieldSetChecks.FieldPrefix($"{type.Name}.{field.Name}", "provides", field.Provides), field.Location);
                }
            }
        }
    }

    /// <summary>Reports the first problem of each site when its code is one of <paramref name="codes"/>.</summary>
    public static void ReportProblems(SubgraphRuleContext context, IEnumerable<FieldSetSite> sites, FieldSetCodes directive, IReadOnlyList<string> codes)
    {
        foreach (var site in sites)
        {
            if (FieldSetChecks.FirstProblem(context.Schema, site.TypeName, site.Set, site.Prefix, directive, isKey: false) is { } problem && codes.Contains(problem.Code))
            {
                context.Error(problem.Code, problem.Message, problem.Element, site.Location, problem.Hint);
            }
        }
    }

    /// <summary>Federation 2: the leaves a valid field set selects must be @external (a parent marked @external covers its children).</summary>
    public static void ReportMissingExternals(SubgraphRuleContext context, IEnumerable<FieldSetSite> sites, FieldSetCodes directive, string directiveName)
    {
        if (!context.Schema.IsFederation2)
        {
            return;
        }

        foreach (var site in sites)
        {
            if (FieldSetChecks.FirstProblem(context.Schema, site.TypeName, site.Set, site.Prefix, directive, isKey: false) is null)
            {
                ExternalLeaves(context, site, site.TypeName, site.Set, directive.FieldsMissingExternal!, directiveName, underExternal: false);
            }
        }
    }

    private static void ExternalLeaves(SubgraphRuleContext context, FieldSetSite site, string typeName, FieldSet set, string code, string directive, bool underExternal)
    {
        var schema = context.Schema;
        foreach (var item in set.Items)
        {
            if (item.Name is null)
            {
                ExternalLeaves(context, site, item.TypeCondition ?? typeName, item.Children!, code, directive, underExternal);
                continue;
            }

            if (item.Name == "__typename")
            {
                continue;
            }

            var field = schema.Field(typeName, item.Name)!;
            var external = underExternal || field.IsExternal || IsExternalInAllImplementations(schema, typeName, item.Name);
            if (item.Children is not null)
            {
                ExternalLeaves(context, site, field.Type.NamedType, item.Children, code, directive, external);
            }
            else if (!external && !IsKeyFieldOf(schema, typeName, field))
            {
                var what = directive == "@requires" ? "it is already provided by this subgraph (it is not marked @external)" : "it is already \"effectively\" provided by this subgraph (it is not marked @external)";
                context.Error(code, site.Prefix + $"field \"{typeName}.{item.Name}\" should not be part of a {directive} since {what}.", $"{typeName}.{item.Name}", site.Location,
                    $"Mark \"{typeName}.{item.Name}\" @external in this subgraph, or remove it from {directive}.");
            }
        }
    }

    private static bool IsExternalInAllImplementations(SubgraphSchema schema, string interfaceName, string fieldName)
    {
        if (schema.Type(interfaceName)?.Kind != TypeKind.Interface)
        {
            return false;
        }

        var any = false;
        foreach (var type in schema.Types.Values)
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

    private static bool IsKeyFieldOf(SubgraphSchema schema, string typeName, SubgraphField field)
    {
        var type = schema.Type(typeName);
        if (type is null)
        {
            return false;
        }

        var found = false;
        foreach (var key in type.Keys)
        {
            FieldSetWalker.Walk(schema, typeName, key.Selection, (_, f) => found |= ReferenceEquals(f, field));
        }

        return found;
    }
}
