namespace FederatedGateway.Grpc.Codec;

/// <summary><c>@include(if: $Variable)</c> (<see cref="Include"/> true) or <c>@skip(if: $Variable)</c>.</summary>
internal readonly record struct InclusionCondition(string Variable, bool Include);
