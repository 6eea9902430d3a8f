namespace FederatedGateway.Testing.Composition;

/// <summary>One definition of a supergraph in canonical form (see <see cref="SupergraphNormalizer"/>).</summary>
/// <param name="Key">What it defines, e.g. <c>type Query</c>, <c>directive @join__field</c> or <c>schema</c>.</param>
/// <param name="Text">The canonical text: a header line, then one line per member in sorted order.</param>
public sealed record CanonicalDefinition(string Key, string Text);
