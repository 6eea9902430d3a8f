namespace FederatedGateway.Core.Schema;

public enum TypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
}
