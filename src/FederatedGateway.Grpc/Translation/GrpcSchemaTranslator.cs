using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Options;
using Google.Protobuf.Reflection;

namespace FederatedGateway.Grpc.Translation;

/// <summary>
/// Translates protobuf descriptors into a Federation 2 subgraph: messages become object and input types, enums
/// enums, unary RPCs Query or Mutation fields, server-streaming RPCs Subscription fields, <c>(fgw.entity)</c>
/// messages entities with <c>@key</c>. Pure and deterministic: the same descriptors and options always give the
/// same SDL and bindings, so composition and the gateway agree.
/// </summary>
public static class GrpcSchemaTranslator
{
    private static readonly string[] s_readVerbs =
        ["Get", "List", "Search", "Find", "Lookup", "Query", "Count", "Check", "Describe", "Fetch", "Read", "Stream"];

    /// <exception cref="GrpcSourceException">The descriptors have no usable service or the fgw options are inconsistent.</exception>
    public static GrpcSchema Translate(ProtoFiles files, TranslationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        options ??= TranslationOptions.Default;
        var builder = new TypeRegistry(files, options);
        var bindings = BindMethods(files, builder, options);
        var entities = BindEntities(files, builder, bindings.All);
        if (options.Style == TranslationStyle.Idiomatic)
        {
            IdiomaticKeys.Apply(entities.Values);
        }
        var objectTypes = new Dictionary<string, ProtoMessage>(StringComparer.Ordinal);
        var (sdl, origins) = SdlPrinter.PrintWithOrigins(files, bindings.Roots, entities, objectTypes, options);
        return new GrpcSchema(sdl, files.Origin, options, bindings.Roots, objectTypes, entities, builder.Messages, bindings.All) { LineOrigins = origins };
    }

    /// <summary>Read-like by <c>(fgw.method).kind</c>, the <c>NO_SIDE_EFFECTS</c> idempotency level, or the name's verb.</summary>
    public static RootKind? KindOf(MethodDescriptor method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.IsClientStreaming)
        {
            return null;
        }

        var declared = method.GetOptions()?.GetExtension(OptionsExtensions.Method)?.Kind ?? MethodKind.Unspecified;
        if (declared == MethodKind.Skip)
        {
            return null;
        }

        if (method.IsServerStreaming)
        {
            return RootKind.Subscription;
        }

        if (declared != MethodKind.Unspecified)
        {
            return declared == MethodKind.Query ? RootKind.Query : RootKind.Mutation;
        }

        if (method.GetOptions()?.IdempotencyLevel == Google.Protobuf.Reflection.MethodOptions.Types.IdempotencyLevel.NoSideEffects)
        {
            return RootKind.Query;
        }

        var name = method.Name.StartsWith("Batch", StringComparison.Ordinal) ? method.Name[5..] : method.Name;
        foreach (var verb in s_readVerbs)
        {
            if (name.StartsWith(verb, StringComparison.Ordinal) && (name.Length == verb.Length || !char.IsLower(name[verb.Length])))
            {
                return RootKind.Query;
            }
        }

        return RootKind.Mutation;
    }

    private static (Dictionary<string, RpcBinding> Roots, List<RpcBinding> All) BindMethods(ProtoFiles files, TypeRegistry types, TranslationOptions options)
    {
        var roots = new Dictionary<string, RpcBinding>(StringComparer.Ordinal);
        var all = new List<RpcBinding>();
        var available = files.Services.Where(s => !ReflectionDescriptorSource.IsInfrastructureService(s.FullName)).ToList();
        var unknown = options.Services?.Where(name => available.All(s => s.FullName != name)).ToList() ?? [];
        if (unknown.Count > 0 || available.Count == 0)
        {
            var has = available.Count == 0 ? "it has none" : "it has " + string.Join(", ", available.Select(s => s.FullName));
            var missing = unknown.Count == 0 ? "no gRPC service to translate" : $"no service {string.Join(", ", unknown)}";
            throw new GrpcSourceException($"{files.Origin}: {missing} ({has}; \"services\" takes full names, package included).");
        }

        var services = available.Where(s => options.Services is not { Count: > 0 } wanted || wanted.Contains(s.FullName)).ToList();

        foreach (var service in services)
        {
            foreach (var method in service.Methods)
            {
                var request = types.Message(method.InputType);
                var response = types.Message(method.OutputType);
                var kind = KindOf(method);
                var custom = method.GetOptions()?.GetExtension(OptionsExtensions.Method)?.GraphqlName;
                var mirrorName = GraphQLNames.LowerCamel(method.Name);
                var graphQLName = custom is { Length: > 0 } ? custom : mirrorName;
                if (custom is not { Length: > 0 } && options.Style == TranslationStyle.Idiomatic && kind is { } rootKind
                    && IdiomaticNames.Of(method.Name, rootKind) is { } idiomatic && !roots.ContainsKey(rootKind + "." + idiomatic))
                {
                    graphQLName = idiomatic;
                }
                if (!GraphQLNames.IsValid(graphQLName))
                {
                    throw new GrpcSourceException($"{files.Origin}: \"{graphQLName}\" (method {method.FullName}) is not a valid GraphQL name.");
                }

                var binding = new RpcBinding(method, graphQLName, kind ?? RootKind.Query, request, response)
                {
                    ResponseField = options.Style == TranslationStyle.Idiomatic && kind is RootKind.Query or RootKind.Mutation ? ResponseUnwrapping.FieldOf(response) : null,
                };
                all.Add(binding);
                if (kind is not { } root || method.IsClientStreaming)
                {
                    continue;
                }

                var key = root + "." + graphQLName;
                if (roots.ContainsKey(key))
                {
                    // Two services with the same method name: the later one is qualified by its service.
                    graphQLName = GraphQLNames.LowerCamel(service.Name) + method.Name;
                    binding = new RpcBinding(method, graphQLName, root, request, response) { ResponseField = binding.ResponseField };
                    all[^1] = binding;
                    key = root + "." + graphQLName;
                }

                roots[key] = binding;
            }
        }

        return (roots, all);
    }

    private static Dictionary<string, EntityBinding> BindEntities(ProtoFiles files, TypeRegistry types, List<RpcBinding> methods)
    {
        var entities = new Dictionary<string, EntityBinding>(StringComparer.Ordinal);
        foreach (var message in types.Messages.Values)
        {
            var option = message.Descriptor?.GetOptions()?.GetExtension(OptionsExtensions.Entity);
            if (option is null || string.IsNullOrWhiteSpace(option.Key))
            {
                continue;
            }

            var where = $"{files.Origin}: entity {message.FullName}";
            foreach (var keyField in TopLevelNames(option.Key))
            {
                if (message.FindField(keyField) is null)
                {
                    throw new GrpcSourceException($"{where}: key field \"{keyField}\" is not a field of the message (use GraphQL names, e.g. camelCase).");
                }
            }

            var entity = new EntityBinding(message, option.Key.Trim())
            {
                KeyFields = TopLevelNames(option.Key).Select(name => message.FindField(name)!).ToArray(),
            };
            if (!string.IsNullOrEmpty(option.Lookup))
            {
                var lookup = methods.FirstOrDefault(m => m.MethodName == option.Lookup || m.Method.FullName == option.Lookup || m.FullMethod == "/" + option.Lookup)
                    ?? throw new GrpcSourceException($"{where}: lookup method \"{option.Lookup}\" is not a method of the translated services.");
                if (lookup.Method.IsClientStreaming || lookup.Method.IsServerStreaming)
                {
                    throw new GrpcSourceException($"{where}: lookup method {lookup.FullMethod} must be unary.");
                }

                entity.Lookup = lookup;
                BindLookupShape(entity, lookup, where);
                entity.Correspondence = BatchCorrespondence.Choose(entity, option.BatchMatch, where);
            }

            message.Entity = entity;
            entities[message.GraphQLName] = entity;
        }

        return entities;
    }

    private static void BindLookupShape(EntityBinding entity, RpcBinding lookup, string where)
    {
        var repeatedRequest = lookup.Request.Fields.Where(f => f.IsRepeated && !f.IsMap).ToList();
        var repeatedEntities = lookup.Response.Fields
            .Where(f => f.IsRepeated && (f.IsMap ? BatchCorrespondence.MapValue(f)?.Message == entity.Entity : f.Message == entity.Entity))
            .ToList();
        if (repeatedRequest.Count == 1 && repeatedEntities.Count == 1)
        {
            entity.BatchRequestField = repeatedRequest[0];
            entity.BatchResponseField = repeatedEntities[0];
            var element = repeatedRequest[0];
            if (element.Kind != ProtoValueKind.Message && TopLevelNames(entity.Key).Count() != 1)
            {
                throw new GrpcSourceException(
                    $"{where}: the batched lookup {lookup.FullMethod} takes scalars in \"{element.ProtoName}\", but the key \"{entity.Key}\" has several fields (use a repeated message of the key fields).");
            }

            return;
        }

        if (lookup.Response == entity.Entity)
        {
            return;
        }

        var wrapped = lookup.Response.Fields.Where(f => !f.IsRepeated && f.Message == entity.Entity).ToList();
        if (wrapped.Count == 1)
        {
            entity.SingleResponseField = wrapped[0];
            return;
        }

        throw new GrpcSourceException(
            $"{where}: lookup {lookup.FullMethod} must return the entity (single lookup) or take one repeated key field and return one repeated field of the entity (batched lookup).");
    }

    /// <summary>The top-level field names of a field set (<c>"id owner { id }"</c> → id, owner).</summary>
    internal static IEnumerable<string> TopLevelNames(string fieldSet)
    {
        var depth = 0;
        foreach (var token in fieldSet.Replace("{", " { ", StringComparison.Ordinal).Replace("}", " } ", StringComparison.Ordinal)
                     .Split([' ', '\t', '\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token == "{")
            {
                depth++;
            }
            else if (token == "}")
            {
                depth--;
            }
            else if (depth == 0)
            {
                yield return token;
            }
        }
    }
}
