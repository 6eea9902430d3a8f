using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Subgraphs;

internal static class Kinds
{
    public static string Describe(TypeKind kind) => kind switch
    {
        TypeKind.Object => "an object type",
        TypeKind.Interface => "an interface type",
        TypeKind.Union => "a union type",
        TypeKind.Enum => "an enum type",
        TypeKind.InputObject => "an input object type",
        _ => "a scalar type",
    };

    public static string Keyword(TypeKind kind) => kind switch
    {
        TypeKind.Object => "type",
        TypeKind.Interface => "interface",
        TypeKind.Union => "union",
        TypeKind.Enum => "enum",
        TypeKind.InputObject => "input",
        _ => "scalar",
    };
}
