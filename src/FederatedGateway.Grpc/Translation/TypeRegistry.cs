using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Options;
using Google.Protobuf.Reflection;

namespace FederatedGateway.Grpc.Translation;

/// <summary>Every message and enum of a source with its GraphQL name and resolved fields.</summary>
internal sealed class TypeRegistry
{
    private readonly Dictionary<string, ProtoEnum> _enums = new(StringComparer.Ordinal);
    private readonly string _origin;
    private readonly bool _idiomatic;

    public TypeRegistry(ProtoFiles files, TranslationOptions? options = null)
    {
        _origin = files.Origin;
        _idiomatic = (options ?? TranslationOptions.Default).Style == TranslationStyle.Idiomatic;
        foreach (var file in files.Files)
        {
            foreach (var message in file.MessageTypes)
            {
                AddMessage(message, "");
            }

            foreach (var e in file.EnumTypes)
            {
                _enums[e.FullName] = new ProtoEnum(e, e.Name, hideUnspecified: _idiomatic);
            }
        }

        Disambiguate();
        foreach (var message in Messages.Values)
        {
            ResolveFields(message);
        }
    }

    public Dictionary<string, ProtoMessage> Messages { get; } = new(StringComparer.Ordinal);

    public ProtoMessage Message(MessageDescriptor descriptor) =>
        Messages.TryGetValue(descriptor.FullName, out var message)
            ? message
            : throw new GrpcSourceException($"{_origin}: message {descriptor.FullName} is not in the descriptor set.");

    /// <summary>The well-known-type kind of a message field, or <see cref="ProtoValueKind.Message"/>.</summary>
    public static (ProtoValueKind Kind, ProtoValueKind Wrapped) WellKnown(string fullName) => fullName switch
    {
        "google.protobuf.Timestamp" => (ProtoValueKind.Timestamp, default),
        "google.protobuf.Duration" => (ProtoValueKind.Duration, default),
        "google.protobuf.DoubleValue" => (ProtoValueKind.Wrapper, ProtoValueKind.Double),
        "google.protobuf.FloatValue" => (ProtoValueKind.Wrapper, ProtoValueKind.Float),
        "google.protobuf.Int64Value" => (ProtoValueKind.Wrapper, ProtoValueKind.Int64),
        "google.protobuf.UInt64Value" => (ProtoValueKind.Wrapper, ProtoValueKind.UInt64),
        "google.protobuf.Int32Value" => (ProtoValueKind.Wrapper, ProtoValueKind.Int32),
        "google.protobuf.UInt32Value" => (ProtoValueKind.Wrapper, ProtoValueKind.UInt32),
        "google.protobuf.BoolValue" => (ProtoValueKind.Wrapper, ProtoValueKind.Bool),
        "google.protobuf.StringValue" => (ProtoValueKind.Wrapper, ProtoValueKind.String),
        "google.protobuf.BytesValue" => (ProtoValueKind.Wrapper, ProtoValueKind.Bytes),
        "google.protobuf.Struct" => (ProtoValueKind.Struct, default),
        "google.protobuf.Value" => (ProtoValueKind.Value, default),
        "google.protobuf.ListValue" => (ProtoValueKind.ListValue, default),
        "google.protobuf.Any" => (ProtoValueKind.Any, default),
        "google.protobuf.Empty" => (ProtoValueKind.Empty, default),
        "google.protobuf.FieldMask" => (ProtoValueKind.FieldMask, default),
        _ => (ProtoValueKind.Message, default),
    };

    private void AddMessage(MessageDescriptor descriptor, string outerName)
    {
        var name = outerName + LocalName(descriptor);
        var custom = descriptor.GetOptions()?.GetExtension(OptionsExtensions.Message);
        var message = new ProtoMessage(descriptor, descriptor.FullName, custom?.GraphqlName is { Length: > 0 } renamed ? renamed : name)
        {
            Shareable = custom?.Shareable == true,
        };
        Messages[descriptor.FullName] = message;
        foreach (var nested in descriptor.NestedTypes)
        {
            AddMessage(nested, name);
        }

        foreach (var e in descriptor.EnumTypes)
        {
            _enums[e.FullName] = new ProtoEnum(e, name + e.Name, hideUnspecified: _idiomatic);
        }
    }

    /// <summary>
    /// A message's own name; a map entry's is protoc's (<c>LimitsEntry</c> for field <c>limits</c>) whatever the
    /// descriptor calls it: protobufjs, whose descriptors reflection servers in Node send, calls it <c>Limits</c>.
    /// </summary>
    private static string LocalName(MessageDescriptor descriptor) =>
        descriptor.GetOptions()?.MapEntry == true
        && descriptor.ContainingType?.Fields.InDeclarationOrder().FirstOrDefault(f => f.FieldType == FieldType.Message && f.MessageType == descriptor) is { } field
            ? GraphQLNames.Pascal(field.Name) + "Entry"
            : descriptor.Name;

    /// <summary>Messages (or enums) of different packages with the same name get their package as a prefix.</summary>
    private void Disambiguate()
    {
        var explicitNames = Messages.Values.Where(m => m.Descriptor!.GetOptions()?.GetExtension(OptionsExtensions.Message)?.GraphqlName is { Length: > 0 }).ToHashSet();
        var clashes = Messages.Values.Select(m => (Name: m.GraphQLName, Package: m.Descriptor!.File.Package, Item: (object)m))
            .Concat(_enums.Values.Select(e => (Name: e.GraphQLName, Package: e.Descriptor.File.Package, Item: (object)e)))
            .GroupBy(x => x.Name, StringComparer.Ordinal)
            .Where(g => g.Select(x => x.Package).Distinct().Count() > 1);
        foreach (var group in clashes)
        {
            foreach (var (name, package, item) in group)
            {
                var qualified = GraphQLNames.Pascal(package.Replace('.', '_')) + name;
                switch (item)
                {
                    case ProtoMessage m when !explicitNames.Contains(m) && !IsWellKnown(m.FullName):
                        m.GraphQLName = qualified;
                        m.InputName = qualified + "Input";
                        break;
                    case ProtoEnum e:
                        e.GraphQLName = qualified;
                        break;
                }
            }
        }
    }

    private ProtoRelation Relation(FieldDescriptor fd, ProtoField field, string typeName, Options.FieldOptions options)
    {
        var where = $"{_origin}: field {fd.FullName}: relation";
        if (field.Kind != ProtoValueKind.String || field.Oneof is not null || fd.RealContainingOneof is not null)
        {
            throw new GrpcSourceException($"{where}: the key must be a string field (or a repeated one) outside a oneof.");
        }

        var name = options.RelationField is { Length: > 0 } given ? given : RelationName(field.GraphQLName)
            ?? throw new GrpcSourceException($"{where}: the field's name does not end in Id or Ids; give relation_field (the GraphQL field to add).");
        if (!GraphQLNames.IsValid(name) || !GraphQLNames.IsValid(typeName))
        {
            throw new GrpcSourceException($"{where}: \"{name}: {typeName}\" is not a valid GraphQL field.");
        }

        return new ProtoRelation(field, typeName, name, options.RelationKey is { Length: > 0 } key ? key : "id");
    }

    /// <summary><c>accountId</c> → <c>account</c>, <c>accountIds</c> → <c>accounts</c>; null without such a suffix.</summary>
    private static string? RelationName(string fieldName) =>
        fieldName.EndsWith("Ids", StringComparison.Ordinal) && fieldName.Length > 3 ? fieldName[..^3] + "s"
        : fieldName.EndsWith("Id", StringComparison.Ordinal) && fieldName.Length > 2 ? fieldName[..^2]
        : null;

    private static bool IsWellKnown(string fullName) => fullName.StartsWith("google.protobuf.", StringComparison.Ordinal);

    private void ResolveFields(ProtoMessage message)
    {
        var descriptor = message.Descriptor!;
        var fields = new List<ProtoField>();
        var relations = new List<ProtoRelation>();
        foreach (var fd in descriptor.Fields.InDeclarationOrder())
        {
            if (fd.FieldType == FieldType.Group)
            {
                continue;
            }

            var custom = fd.GetOptions()?.GetExtension(OptionsExtensions.Field);
            if (custom?.Hidden == true)
            {
                continue;
            }

            var (kind, wrapped) = fd.FieldType == FieldType.Message ? WellKnown(fd.MessageType.FullName) : (ScalarKind(fd.FieldType), default);
            var name = custom?.GraphqlName is { Length: > 0 } renamed ? renamed : fd.JsonName;
            if (!GraphQLNames.IsValid(name))
            {
                throw new GrpcSourceException($"{_origin}: \"{name}\" (field {fd.FullName}) is not a valid GraphQL name.");
            }

            var field = new ProtoField(fd, name, fd.IsMap ? ProtoValueKind.Message : kind, wrapped)
            {
                External = custom?.External == true,
                Shareable = custom?.Shareable == true,
                Requires = custom?.Requires is { Length: > 0 } requires ? requires : null,
                GraphQLTypeOverride = custom?.GraphqlType is { Length: > 0 } type ? type : null,
                IsRequired = custom?.Required == true || (_idiomatic && FieldBehavior.IsRequired(fd)),
                EmptyAsNull = custom?.EmptyAsNull == true && !fd.IsRepeated && fd.FieldType != FieldType.Message,
            };
            if (fd.FieldType == FieldType.Message)
            {
                field.Message = Messages.GetValueOrDefault(fd.MessageType.FullName);
            }
            else if (fd.FieldType == FieldType.Enum)
            {
                field.Enum = _enums.GetValueOrDefault(fd.EnumType.FullName)
                    ?? throw new GrpcSourceException($"{_origin}: enum {fd.EnumType.FullName} is not in the descriptor set.");
            }

            fields.Add(field);
            if (custom?.Relation is { Length: > 0 } related)
            {
                relations.Add(Relation(fd, field, related, custom));
            }
        }

        message.Relations = relations;
        var oneofs = new List<ProtoOneof>();
        foreach (var od in descriptor.Oneofs.Where(o => !o.IsSynthetic))
        {
            var cases = fields.Where(f => f.Descriptor.RealContainingOneof == od).ToList();
            var union = message.GraphQLName + GraphQLNames.Pascal(od.Name);
            var oneof = new ProtoOneof(od.Name, GraphQLNames.LowerCamel(GraphQLNames.Pascal(od.Name)), union, cases);
            var members = new List<ProtoMessage>();
            var wrappers = new List<bool>();
            foreach (var c in cases)
            {
                c.Oneof = oneof;
                var direct = c.Kind == ProtoValueKind.Message && c.Message is not null && cases.Count(o => o.Message == c.Message) == 1;
                if (direct)
                {
                    members.Add(c.Message!);
                    wrappers.Add(false);
                }
                else
                {
                    var wrapper = new ProtoMessage(null, message.FullName + "." + od.Name + "." + c.ProtoName, union + GraphQLNames.Pascal(c.ProtoName));
                    wrapper.SetFields([c], []);
                    members.Add(wrapper);
                    wrappers.Add(true);
                }
            }

            oneof.Members = members;
            oneof.MemberIsWrapper = wrappers;
            oneofs.Add(oneof);
        }

        message.SetFields(fields, oneofs);
    }

    private static ProtoValueKind ScalarKind(FieldType type) => type switch
    {
        FieldType.Double => ProtoValueKind.Double,
        FieldType.Float => ProtoValueKind.Float,
        FieldType.Int64 => ProtoValueKind.Int64,
        FieldType.UInt64 => ProtoValueKind.UInt64,
        FieldType.Int32 => ProtoValueKind.Int32,
        FieldType.Fixed64 => ProtoValueKind.Fixed64,
        FieldType.Fixed32 => ProtoValueKind.Fixed32,
        FieldType.Bool => ProtoValueKind.Bool,
        FieldType.String => ProtoValueKind.String,
        FieldType.Bytes => ProtoValueKind.Bytes,
        FieldType.UInt32 => ProtoValueKind.UInt32,
        FieldType.SFixed32 => ProtoValueKind.SFixed32,
        FieldType.SFixed64 => ProtoValueKind.SFixed64,
        FieldType.SInt32 => ProtoValueKind.SInt32,
        FieldType.SInt64 => ProtoValueKind.SInt64,
        FieldType.Enum => ProtoValueKind.Enum,
        _ => ProtoValueKind.Message,
    };
}
