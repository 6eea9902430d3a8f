namespace FederatedGateway.AspNetCore.Internal;

/// <summary>The media type a GraphQL response is written in.</summary>
internal enum ResponseMediaType
{
    /// <summary>The client accepts neither supported type (406).</summary>
    None,

    /// <summary><c>application/json</c>: 200 for every well-formed request.</summary>
    Json,

    /// <summary><c>application/graphql-response+json</c>: 4xx for request errors.</summary>
    GraphQLResponseJson,
}
