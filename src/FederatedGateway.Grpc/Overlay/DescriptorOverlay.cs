using FederatedGateway.Core.Text;
using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Options;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace FederatedGateway.Grpc.Overlay;

/// <summary>
/// Writes a config's fgw options into the descriptors, as if the protos carried them, so the translator reads one
/// kind of option. Options in both places merge: the config fills what the proto leaves unset, and a value set
/// differently in both is an error naming both places.
/// </summary>
public static class DescriptorOverlay
{
    /// <exception cref="GrpcSourceException">A name matches no message, field or method, or an option is set differently in the proto.</exception>
    public static ProtoFiles Apply(ProtoFiles files, GrpcOptionsOverlay overlay)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(overlay);
        if (overlay.IsEmpty)
        {
            return files;
        }

        var parser = FileDescriptorProto.Parser.WithExtensionRegistry(ProtoFiles.Extensions);
        var protos = files.Files.Select(f => parser.ParseFrom(f.SerializedData)).ToList();
        var messages = new Dictionary<string, DescriptorProto>(StringComparer.Ordinal);
        var enums = new Dictionary<string, EnumDescriptorProto>(StringComparer.Ordinal);
        var methods = new Dictionary<string, MethodDescriptorProto>(StringComparer.Ordinal);
        foreach (var file in protos)
        {
            var prefix = string.IsNullOrEmpty(file.Package) ? "" : file.Package + ".";
            foreach (var message in file.MessageType)
            {
                IndexMessage(messages, enums, prefix + message.Name, message);
            }

            foreach (var e in file.EnumType)
            {
                enums[prefix + e.Name] = e;
            }

            foreach (var service in file.Service)
            {
                foreach (var method in service.Method)
                {
                    methods[prefix + service.Name + "." + method.Name] = method;
                }
            }
        }

        var places = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, entry) in overlay.Entities)
        {
            var message = Find(messages, name, entry.Where, "message", places);
            message.Options ??= new Google.Protobuf.Reflection.MessageOptions();
            message.Options.SetExtension(OptionsExtensions.Entity, MergeEntity(message.Options.GetExtension(OptionsExtensions.Entity), entry));
        }

        foreach (var (name, entry) in overlay.Messages)
        {
            var message = Find(messages, name, entry.Where, "message", places);
            message.Options ??= new Google.Protobuf.Reflection.MessageOptions();
            var current = message.Options.GetExtension(OptionsExtensions.Message) ?? new Options.MessageOptions();
            message.Options.SetExtension(OptionsExtensions.Message, new Options.MessageOptions
            {
                GraphqlName = Merge(current.GraphqlName, entry.Options.GraphqlName, "graphql_name", entry.Where),
                Shareable = current.Shareable || entry.Options.Shareable,
            });
        }

        foreach (var (name, fields) in overlay.Fields)
        {
            var fullName = FullName(messages, name, fields.Values.First().Where, "message");
            var message = messages[fullName];
            foreach (var (fieldName, entry) in fields)
            {
                var field = message.Field.FirstOrDefault(f => f.Name == fieldName || f.JsonName == fieldName)
                    ?? throw new GrpcSourceException($"{entry.Where}: message {name} has no field \"{fieldName}\"{Suggestions.DidYouMean(fieldName, message.Field.Select(f => f.Name))}.");
                places[fullName + "." + field.Name] = entry.Where;
                field.Options ??= new Google.Protobuf.Reflection.FieldOptions();
                field.Options.SetExtension(OptionsExtensions.Field, MergeField(field.Options.GetExtension(OptionsExtensions.Field), entry));
            }
        }

        foreach (var (name, entry) in overlay.Methods)
        {
            var method = Find(methods, name, entry.Where, "method", places);
            method.Options ??= new Google.Protobuf.Reflection.MethodOptions();
            var current = method.Options.GetExtension(OptionsExtensions.Method) ?? new Options.MethodOptions();
            method.Options.SetExtension(OptionsExtensions.Method, new Options.MethodOptions
            {
                Kind = Merge(current.Kind, entry.Options.Kind, MethodKind.Unspecified, "kind", entry.Where),
                GraphqlName = Merge(current.GraphqlName, entry.Options.GraphqlName, "graphql_name", entry.Where),
            });
        }

        foreach (var (name, entry) in overlay.HiddenEnumValues)
        {
            var e = Find(enums, name, entry.Where, "enum", places);
            foreach (var valueName in entry.Options)
            {
                var value = e.Value.FirstOrDefault(v => v.Name == valueName)
                    ?? throw new GrpcSourceException($"{entry.Where}: enum {name} has no value \"{valueName}\"{Suggestions.DidYouMean(valueName, e.Value.Select(v => v.Name))}.");
                value.Options ??= new Google.Protobuf.Reflection.EnumValueOptions();
                value.Options.SetExtension(OptionsExtensions.EnumValue, new Options.EnumValueOptions { Hidden = true });
            }
        }

        foreach (var (name, entry) in overlay.Http)
        {
            var method = Find(methods, name, entry.Where, "method", places);
            method.Options ??= new Google.Protobuf.Reflection.MethodOptions();
            if (method.Options.GetExtension(Google.Api.AnnotationsExtensions.Http) is { } existing && !existing.Equals(entry.Options))
            {
                throw Conflict(entry.Where, "http", existing.ToString(), entry.Options.ToString());
            }

            method.Options.SetExtension(Google.Api.AnnotationsExtensions.Http, entry.Options);
        }

        return ProtoFiles.FromSerialized(protos.Select(p => p.ToByteString()), files.Origin).WithConfigPlaces(places);
    }

    private static void IndexMessage(Dictionary<string, DescriptorProto> index, Dictionary<string, EnumDescriptorProto> enums, string fullName, DescriptorProto message)
    {
        index[fullName] = message;
        foreach (var nested in message.NestedType)
        {
            IndexMessage(index, enums, fullName + "." + nested.Name, nested);
        }

        foreach (var e in message.EnumType)
        {
            enums[fullName + "." + e.Name] = e;
        }
    }

    /// <summary>The element <paramref name="name"/> names, its place in the config kept (the first one written) in <paramref name="places"/>.</summary>
    private static T Find<T>(Dictionary<string, T> index, string name, string where, string what, Dictionary<string, string> places)
    {
        var fullName = FullName(index, name, where, what);
        places.TryAdd(fullName, where);
        return index[fullName];
    }

    /// <summary>The full name of <paramref name="name"/>: itself, or the one full name it ends (<c>Account</c>, <c>Ledger.GetAccount</c>).</summary>
    private static string FullName<T>(Dictionary<string, T> index, string name, string where, string what)
    {
        if (index.ContainsKey(name))
        {
            return name;
        }

        var matches = index.Keys.Where(k => k.EndsWith("." + name, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new GrpcSourceException($"{where}: no {what} named \"{name}\" in the descriptors{Suggestions.DidYouMean(name, index.Keys.Select(k => k[(k.LastIndexOf('.') + 1)..]))}."),
            _ => throw new GrpcSourceException($"{where}: \"{name}\" names several {what}s ({string.Join(", ", matches)}); write the full name."),
        };
    }

    private static EntityOptions MergeEntity(EntityOptions? current, OverlayEntry<EntityOptions> entry)
    {
        current ??= new EntityOptions();
        return new EntityOptions
        {
            Key = Merge(current.Key, entry.Options.Key, "key", entry.Where),
            Lookup = Merge(current.Lookup, entry.Options.Lookup, "lookup", entry.Where),
            BatchMatch = Merge(current.BatchMatch, entry.Options.BatchMatch, BatchMatch.Unspecified, "batch_match", entry.Where),
        };
    }

    private static Options.FieldOptions MergeField(Options.FieldOptions? current, OverlayEntry<Options.FieldOptions> entry)
    {
        current ??= new Options.FieldOptions();
        var wanted = entry.Options;
        return new Options.FieldOptions
        {
            GraphqlName = Merge(current.GraphqlName, wanted.GraphqlName, "graphql_name", entry.Where),
            GraphqlType = Merge(current.GraphqlType, wanted.GraphqlType, "graphql_type", entry.Where),
            Requires = Merge(current.Requires, wanted.Requires, "requires", entry.Where),
            External = current.External || wanted.External,
            Shareable = current.Shareable || wanted.Shareable,
            Required = current.Required || wanted.Required,
            Hidden = current.Hidden || wanted.Hidden,
            EmptyAsNull = current.EmptyAsNull || wanted.EmptyAsNull,
            Relation = Merge(current.Relation, wanted.Relation, "relation", entry.Where),
            RelationField = Merge(current.RelationField, wanted.RelationField, "relation_field", entry.Where),
            RelationKey = Merge(current.RelationKey, wanted.RelationKey, "relation_key", entry.Where),
        };
    }

    private static string Merge(string fromProto, string fromConfig, string option, string where) =>
        Merge(fromProto, fromConfig, "", option, where);

    /// <summary>The config's value where the proto leaves <paramref name="unset"/>; the same value in both is fine, different ones conflict.</summary>
    private static T Merge<T>(T fromProto, T fromConfig, T unset, string option, string where)
        where T : notnull =>
        fromConfig.Equals(unset) || fromConfig.Equals(fromProto) ? fromProto
        : fromProto.Equals(unset) ? fromConfig
        : throw Conflict(where, option, fromProto.ToString()!, fromConfig.ToString()!);

    private static GrpcSourceException Conflict(string where, string option, string fromProto, string fromConfig) =>
        new($"{where}: \"{option}\" is \"{fromConfig}\" here but \"{fromProto}\" in the proto; remove one of them.");
}
