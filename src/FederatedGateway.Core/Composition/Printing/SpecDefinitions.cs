namespace FederatedGateway.Core.Composition.Printing;

/// <summary>The definitions of the specs a supergraph links (link v1.0, join v0.3/v0.4, inaccessible v0.2, tag v0.3).</summary>
internal static class SpecDefinitions
{
    public const string InaccessibleUrl = "https://specs.apollo.dev/inaccessible/v0.2";
    public const string TagUrl = "https://specs.apollo.dev/tag/v0.3";

    public const string Inaccessible =
        "directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION";

    public const string Tag =
        "directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION | SCHEMA";

    public const string Link =
        "directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA";

    public static string JoinUrl(int joinMinor) => "https://specs.apollo.dev/join/v0." + joinMinor.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The join directive definitions (join v0.3, v0.4 or v0.5), sorted by name as they are printed.</summary>
    public static IEnumerable<string> Join(int joinMinor)
    {
        var v04 = joinMinor >= 4;
        if (v04)
        {
            yield return "directive @join__directive(graphs: [join__Graph!], name: String!, args: join__DirectiveArguments) repeatable on SCHEMA | OBJECT | INTERFACE | FIELD_DEFINITION";
        }

        yield return "directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE";
        yield return joinMinor >= 5
            ? "directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean, overrideLabel: String, contextArguments: [join__ContextArgument!]) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION"
            : v04
            ? "directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean, overrideLabel: String) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION"
            : "directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION";
        yield return "directive @join__graph(name: String!, url: String!) on ENUM_VALUE";
        yield return "directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE";
        yield return "directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR";
        yield return "directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION";
    }

    /// <summary>The input join v0.5 adds for <c>@fromContext</c> arguments.</summary>
    public const string JoinContextArgument = """
        input join__ContextArgument {
          name: String!
          type: String!
          context: String!
          selection: join__FieldValue!
        }
        """;

    public const string LinkPurpose = """
        enum link__Purpose {
          "`SECURITY` features provide metadata necessary to securely resolve fields."
          SECURITY

          "`EXECUTION` features provide metadata necessary for operation execution."
          EXECUTION
        }
        """;
}
