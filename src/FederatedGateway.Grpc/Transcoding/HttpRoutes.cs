using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Translation;
using Google.Api;

namespace FederatedGateway.Grpc.Transcoding;

/// <summary>The JSON/HTTP routes of a translated source: its unary RPCs with a <c>google.api.http</c> rule (from the proto or the config).</summary>
public static class HttpRoutes
{
    /// <exception cref="GrpcSourceException">A rule's path template is malformed or names a field the request lacks.</exception>
    public static IReadOnlyList<HttpRoute> Of(string subgraph, GrpcSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var routes = new List<HttpRoute>();
        foreach (var rpc in schema.Rpcs)
        {
            if (rpc.Method.IsClientStreaming || rpc.Method.IsServerStreaming || rpc.Method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is not { } rule)
            {
                continue;
            }

            foreach (var each in rule.AdditionalBindings.Prepend(rule))
            {
                if (Route(subgraph, rpc, each, schema.Origin) is { } route)
                {
                    routes.Add(route);
                }
            }
        }

        return routes;
    }

    private static HttpRoute? Route(string subgraph, RpcBinding rpc, HttpRule rule, string origin)
    {
        var (method, template) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => ("GET", rule.Get),
            HttpRule.PatternOneofCase.Post => ("POST", rule.Post),
            HttpRule.PatternOneofCase.Put => ("PUT", rule.Put),
            HttpRule.PatternOneofCase.Patch => ("PATCH", rule.Patch),
            HttpRule.PatternOneofCase.Delete => ("DELETE", rule.Delete),
            HttpRule.PatternOneofCase.Custom => (rule.Custom.Kind.ToUpperInvariant(), rule.Custom.Path),
            _ => (null, null),
        };
        if (method is null || string.IsNullOrEmpty(template))
        {
            return null;
        }

        var where = $"{origin}: google.api.http of {rpc.FullMethod}";
        PathTemplate path;
        try
        {
            path = PathTemplate.Parse(template);
        }
        catch (FormatException ex)
        {
            throw new GrpcSourceException($"{where}: {ex.Message}", ex);
        }

        foreach (var variable in path.Variables)
        {
            if (RequestFields.Find(rpc.Request, variable) is null)
            {
                throw new GrpcSourceException($"{where}: the path binds \"{variable}\", which is not a field of {rpc.Request.FullName}.");
            }
        }

        if (rule.Body is { Length: > 0 } body && body != "*" && rpc.Request.Fields.All(f => f.ProtoName != body))
        {
            throw new GrpcSourceException($"{where}: body \"{body}\" is not a field of {rpc.Request.FullName}.");
        }

        return new HttpRoute(subgraph, rpc, method, path, rule.Body, rule.ResponseBody);
    }
}
