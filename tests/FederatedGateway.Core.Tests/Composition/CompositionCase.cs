using FederatedGateway.Core.Composition;

namespace FederatedGateway.Core.Tests.Composition;

/// <summary>Builds subgraph inputs for composition tests.</summary>
internal static class CompositionCase
{
    public const string AllImports = "\"@key\", \"@shareable\", \"@external\", \"@requires\", \"@provides\", \"@override\", \"@inaccessible\", \"@tag\", \"@interfaceObject\"";

    /// <summary>A Federation 2.3 subgraph importing the usual directives.</summary>
    public static SubgraphSource Fed2(string name, string body, string imports = AllImports) =>
        new(name, $"http://127.0.0.1:4000/{name}", $"extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [{imports}])\n{body}");

    /// <summary>A Federation 2.9 subgraph (authorization and cost directives) importing <c>@key</c> and <paramref name="imports"/>.</summary>
    public static SubgraphSource Fed29(string name, string body, string imports) =>
        new(name, $"http://127.0.0.1:4000/{name}", $"extend schema @link(url: \"https://specs.apollo.dev/federation/v2.9\", import: [\"@key\", {imports}])\n{body}");

    /// <summary>A Federation 1 subgraph (no @link).</summary>
    public static SubgraphSource Fed1(string name, string body) => new(name, $"http://127.0.0.1:4000/{name}", body);

    public static CompositionResult Compose(params SubgraphSource[] subgraphs) => SupergraphComposer.Compose(subgraphs);
}
