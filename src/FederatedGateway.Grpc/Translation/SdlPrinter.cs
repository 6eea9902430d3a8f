using System.Text;
using FederatedGateway.Grpc.Descriptors;

namespace FederatedGateway.Grpc.Translation;

/// <summary>Prints the subgraph SDL of a translated source: only the types its RPCs and entities reach, sorted by name.</summary>
internal sealed class SdlPrinter
{
    private readonly SortedDictionary<string, ProtoMessage> _objects = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, ProtoMessage> _inputs = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, ProtoOneof> _unions = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, ProtoOneof> _oneofInputs = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, ProtoEnum> _enums = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _scalars = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _relationTargets = new(StringComparer.Ordinal);
    private readonly StringBuilder _out = new();
    private readonly List<string?> _origins = [];
    private int _scanned;
    private string? _pending;
    private ProtoFiles? _files;

    private string PrintInto(
        ProtoFiles files,
        IReadOnlyDictionary<string, RpcBinding> roots,
        IReadOnlyDictionary<string, EntityBinding> entities,
        Dictionary<string, ProtoMessage> objectTypes,
        TranslationOptions options)
    {
        _ = options;
        _files = files;
        var printer = this;
        foreach (var binding in roots.Values)
        {
            foreach (var field in binding.Request.Fields)
            {
                printer.VisitInputField(field);
            }

            if (binding.ResponseField is { } unwrapped)
            {
                if (unwrapped.Kind == ProtoValueKind.Message && unwrapped.Message is { } message)
                {
                    printer.VisitOutput(message);
                }

                printer.Note(unwrapped);
            }
            else if (!binding.ReturnsEmpty)
            {
                printer.VisitOutput(binding.Response);
            }
        }

        foreach (var entity in entities.Values)
        {
            printer.VisitOutput(entity.Entity);
        }

        foreach (var target in printer._relationTargets.Keys.Where(printer._objects.ContainsKey).ToList())
        {
            // A relation to one of this source's own types is resolved here, through that entity's lookup.
            var key = printer._relationTargets[target];
            if (!entities.TryGetValue(target, out var owned) || owned.Lookup is null || owned.Key != key)
            {
                throw new GrpcSourceException(
                    $"{files.Origin}: a relation names {target}, which this source translates itself: {target} must then be an entity of this source "
                    + $"keyed by \"{key}\" with a lookup RPC, through which the relation is resolved (relations to entities other subgraphs own need neither).");
            }

            printer._relationTargets.Remove(target);
        }

        foreach (var (name, message) in printer._objects)
        {
            if (objectTypes.TryGetValue(name, out var other) && other != message)
            {
                throw new GrpcSourceException($"{files.Origin}: messages {other.FullName} and {message.FullName} both become GraphQL type \"{name}\"; rename one with (fgw.message).graphql_name.");
            }

            objectTypes[name] = message;
        }

        printer.PrintAll(roots);
        return printer._out.ToString();
    }

    /// <summary>The subgraph SDL, and what each line was made from (see <c>SubgraphSource.LineOrigins</c>).</summary>
    public static (string Sdl, IReadOnlyList<string?> Origins) PrintWithOrigins(
        ProtoFiles files,
        IReadOnlyDictionary<string, RpcBinding> roots,
        IReadOnlyDictionary<string, EntityBinding> entities,
        Dictionary<string, ProtoMessage> objectTypes,
        TranslationOptions options)
    {
        var printer = new SdlPrinter();
        var sdl = printer.PrintInto(files, roots, entities, objectTypes, options);
        printer.Mark(null);
        return (sdl, printer._origins);
    }

    /// <summary>Records <paramref name="origin"/> for the line being printed now (null: only catches up with the lines ended).</summary>
    private void Mark(string? origin)
    {
        for (; _scanned < _out.Length; _scanned++)
        {
            if (_out[_scanned] == '\n')
            {
                _origins.Add(_pending);
                _pending = null;
            }
        }

        if (origin is not null)
        {
            _pending = origin;
        }
    }

    /// <summary>
    /// What a line was made from: the message or field and its proto file, and where supergraph.yaml gave it options
    /// (the field's own entry first, else its message's).
    /// </summary>
    private string Origin(ProtoMessage message, ProtoField? field = null)
    {
        var what = (field is null ? $"message {message.FullName}" : $"field {message.FullName}.{field.ProtoName}")
            + (message.Descriptor is { } d ? $" ({d.File.Name})" : "");
        var places = _files?.ConfigPlaces;
        return places is not null
            && ((field is not null && places.TryGetValue(message.FullName + "." + field.ProtoName, out var where)) || places.TryGetValue(message.FullName, out where))
            ? $"{what}, options at {where}"
            : what;
    }

    private void VisitOutput(ProtoMessage message)
    {
        if (!_objects.TryAdd(message.GraphQLName, message))
        {
            return;
        }

        foreach (var relation in message.Relations)
        {
            if (_relationTargets.TryGetValue(relation.TypeName, out var key) && key != relation.KeyName)
            {
                throw new GrpcSourceException($"{message.FullName}: relations to {relation.TypeName} name two keys (\"{key}\", \"{relation.KeyName}\").");
            }

            _relationTargets[relation.TypeName] = relation.KeyName;
        }

        foreach (var field in message.Fields)
        {
            if (field.Oneof is { } oneof && !message.IsOneofWrapper)
            {
                if (_unions.TryAdd(oneof.UnionName, oneof))
                {
                    foreach (var member in oneof.Members)
                    {
                        VisitOutput(member);
                    }
                }

                continue;
            }

            if (field.Kind == ProtoValueKind.Message && field.Message is { } nested)
            {
                VisitOutput(nested);
            }

            Note(field);
        }
    }

    private void VisitInputField(ProtoField field)
    {
        if (field.Oneof is { } oneof)
        {
            if (_oneofInputs.TryAdd(oneof.InputName, oneof))
            {
                foreach (var c in oneof.Cases)
                {
                    VisitInputCase(c);
                }
            }

            return;
        }

        VisitInputCase(field);
    }

    private void VisitInputCase(ProtoField field)
    {
        if (field.Kind == ProtoValueKind.Message && field.Message is { } message && _inputs.TryAdd(message.InputName, message))
        {
            foreach (var nested in message.Fields)
            {
                VisitInputField(nested);
            }
        }

        Note(field);
    }

    private void Note(ProtoField field)
    {
        if (field.Enum is { } e)
        {
            _enums.TryAdd(e.GraphQLName, e);
        }

        var scalar = field.GraphQLTypeOverride ?? Scalar(field.Kind == ProtoValueKind.Wrapper ? field.WrappedKind : field.Kind);
        if (scalar is "DateTime" or "Duration" or "Int64" or "UInt64" or "Base64" or "JSON")
        {
            _scalars.Add(scalar);
        }
    }

    /// <summary>The GraphQL scalar of a non-message kind (null for enums and messages).</summary>
    public static string? Scalar(ProtoValueKind kind) => kind switch
    {
        ProtoValueKind.Double or ProtoValueKind.Float => "Float",
        ProtoValueKind.Int32 or ProtoValueKind.SInt32 or ProtoValueKind.SFixed32 or ProtoValueKind.UInt32 or ProtoValueKind.Fixed32 => "Int",
        ProtoValueKind.Int64 or ProtoValueKind.SInt64 or ProtoValueKind.SFixed64 => "Int64",
        ProtoValueKind.UInt64 or ProtoValueKind.Fixed64 => "UInt64",
        ProtoValueKind.Bool or ProtoValueKind.Empty => "Boolean",
        ProtoValueKind.String => "String",
        ProtoValueKind.Bytes => "Base64",
        ProtoValueKind.Timestamp => "DateTime",
        ProtoValueKind.Duration => "Duration",
        ProtoValueKind.Struct or ProtoValueKind.Value or ProtoValueKind.ListValue or ProtoValueKind.Any => "JSON",
        ProtoValueKind.FieldMask => "String",
        _ => null,
    };

    /// <summary>The output type of a field, e.g. <c>[Quote!]!</c>, <c>Float!</c>, <c>DateTime</c>.</summary>
    public static string OutputType(ProtoField field, bool inWrapper = false)
    {
        var named = NamedType(field, input: false);
        if (field.Kind == ProtoValueKind.FieldMask)
        {
            return field.IsRepeated ? "[[String!]]!" : "[String!]";
        }

        var hiddenZero = field.Enum is { } e && (e.HidesZero || e.HidesValues);
        if (field.IsRepeated)
        {
            return field.Kind == ProtoValueKind.Value || hiddenZero ? $"[{named}]!" : $"[{named}!]!";
        }

        var nonNull = inWrapper || (!field.HasPresence && field.Kind is < ProtoValueKind.Message && !hiddenZero && !field.EmptyAsNull);
        return nonNull ? named + "!" : named;
    }

    /// <summary>The input type of a field: always nullable (absent means the proto default), lists of non-null items.</summary>
    public static string InputType(ProtoField field)
    {
        var named = NamedType(field, input: true);
        if (field.Kind == ProtoValueKind.FieldMask)
        {
            return field.IsRepeated ? "[[String!]!]" : "[String!]";
        }

        var type = field.IsRepeated ? (field.Kind == ProtoValueKind.Value ? $"[{named}]" : $"[{named}!]") : named;
        return field.IsRequired && field.Oneof is null ? type + "!" : type;
    }

    private static string NamedType(ProtoField field, bool input)
    {
        if (field.GraphQLTypeOverride is { } custom)
        {
            return custom;
        }

        return field.Kind switch
        {
            ProtoValueKind.Enum => field.Enum!.GraphQLName,
            ProtoValueKind.Message => input ? field.Message!.InputName : field.Message!.GraphQLName,
            ProtoValueKind.Wrapper => Scalar(field.WrappedKind)!,
            _ => Scalar(field.Kind)!,
        };
    }

    private void PrintAll(IReadOnlyDictionary<string, RpcBinding> roots)
    {
        var imports = "\"@key\", \"@external\", \"@requires\", \"@shareable\"";
        _out.Append("extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [").Append(imports).Append("])\n");
        foreach (var kind in new[] { RootKind.Query, RootKind.Mutation, RootKind.Subscription })
        {
            var fields = roots.Values.Where(r => r.Kind == kind).OrderBy(r => r.FieldName, StringComparer.Ordinal).ToList();
            if (fields.Count == 0)
            {
                continue;
            }

            _out.Append("\ntype ").Append(kind).Append(" {\n");
            foreach (var rpc in fields)
            {
                _out.Append("  \"gRPC ").Append(rpc.ServiceName).Append('/').Append(rpc.MethodName).Append("\"\n");
                Mark($"rpc {rpc.ServiceName}.{rpc.MethodName} ({rpc.Method.File.Name})");
                _out.Append("  ").Append(rpc.FieldName);
                PrintArguments(rpc.Request);
                var type = rpc.ResponseField is { } unwrapped ? OutputType(unwrapped) : rpc.ReturnsEmpty ? "Boolean" : rpc.Response.GraphQLName;
                _out.Append(": ").Append(type).Append('\n');
            }

            _out.Append("}\n");
        }

        foreach (var (name, message) in _objects)
        {
            PrintObject(name, message);
        }

        foreach (var (name, key) in _relationTargets)
        {
            // Owned by another subgraph: here only its key, which the gateway joins to the owner.
            _out.Append("\ntype ").Append(name).Append(" @key(fields: \"").Append(key).Append("\", resolvable: false) {\n  ")
                .Append(key).Append(": ID!\n}\n");
        }

        foreach (var (name, oneof) in _unions)
        {
            _out.Append("\n\"oneof ").Append(oneof.ProtoName).Append("\"\nunion ").Append(name).Append(" = ")
                .AppendJoin(" | ", oneof.Members.Select(m => m.GraphQLName)).Append('\n');
        }

        foreach (var (name, message) in _inputs)
        {
            _out.Append("\ninput ").Append(name).Append(" {\n");
            PrintInputFields(message, "  ", "\n");
            _out.Append("}\n");
        }

        foreach (var (name, oneof) in _oneofInputs)
        {
            _out.Append("\ninput ").Append(name).Append(" @oneOf {\n");
            foreach (var c in oneof.Cases)
            {
                _out.Append("  ").Append(c.GraphQLName).Append(": ").Append(InputType(c)).Append('\n');
            }

            _out.Append("}\n");
        }

        foreach (var (name, e) in _enums)
        {
            _out.Append("\nenum ").Append(name).Append(" {\n");
            foreach (var (value, _) in e.Values)
            {
                _out.Append("  ").Append(value).Append('\n');
            }

            _out.Append("}\n");
        }

        foreach (var scalar in _scalars)
        {
            _out.Append('\n').Append(ScalarDescription(scalar)).Append("scalar ").Append(scalar).Append('\n');
        }
    }

    private void PrintObject(string name, ProtoMessage message)
    {
        _out.Append('\n');
        if (message.Descriptor is { } descriptor)
        {
            _out.Append("\"").Append(descriptor.FullName).Append("\"\n");
        }

        Mark(Origin(message));
        _out.Append("type ").Append(name);
        if (message.Entity is { } entity)
        {
            _out.Append(" @key(fields: \"").Append(entity.Key).Append('"');
            if (entity.Lookup is null)
            {
                _out.Append(", resolvable: false");
            }

            _out.Append(')');
        }

        if (message.Shareable)
        {
            _out.Append(" @shareable");
        }

        _out.Append(" {\n");
        var printedOneofs = new HashSet<ProtoOneof>();
        foreach (var field in message.Fields)
        {
            if (field.Oneof is { } oneof && !message.IsOneofWrapper)
            {
                if (printedOneofs.Add(oneof))
                {
                    _out.Append("  ").Append(oneof.GraphQLName).Append(": ").Append(oneof.UnionName).Append('\n');
                }

                continue;
            }

            Mark(Origin(message, field));
            _out.Append("  ").Append(field.GraphQLName).Append(": ").Append(OutputType(field, message.IsOneofWrapper));
            if (field.External)
            {
                _out.Append(" @external");
            }

            if (field.Requires is { } requires)
            {
                _out.Append(" @requires(fields: \"").Append(requires).Append("\")");
            }

            if (field.Shareable)
            {
                _out.Append(" @shareable");
            }

            _out.Append('\n');
        }

        foreach (var relation in message.Relations)
        {
            Mark(Origin(message, relation.KeyField) + " (relation)");
            _out.Append("  ").Append(relation.FieldName).Append(": ")
                .Append(relation.KeyField.IsRepeated ? $"[{relation.TypeName}]!" : relation.TypeName).Append('\n');
        }

        if (message.Fields.Count == 0)
        {
            // GraphQL has no empty object types: an empty message answers with a constant true.
            _out.Append("  _empty: Boolean\n");
        }

        _out.Append("}\n");
    }

    private void PrintArguments(ProtoMessage request)
    {
        if (request.Fields.Count == 0)
        {
            return;
        }

        _out.Append('(');
        PrintInputFields(request, "", ", ");
        _out.Length -= 2;
        _out.Append(')');
    }

    private void PrintInputFields(ProtoMessage message, string indent, string separator)
    {
        var printedOneofs = new HashSet<ProtoOneof>();
        foreach (var field in message.Fields)
        {
            if (field.Oneof is { } oneof)
            {
                if (printedOneofs.Add(oneof))
                {
                    _out.Append(indent).Append(oneof.GraphQLName).Append(": ").Append(oneof.InputName).Append(separator);
                }

                continue;
            }

            _out.Append(indent).Append(field.GraphQLName).Append(": ").Append(InputType(field)).Append(separator);
        }

        if (message.Fields.Count == 0 && separator == "\n")
        {
            _out.Append(indent).Append("_empty: Boolean\n");
        }
    }

    private static string ScalarDescription(string scalar) => scalar switch
    {
        "DateTime" => "\"An RFC 3339 date-time (google.protobuf.Timestamp).\"\n",
        "Duration" => "\"A duration in seconds with an s suffix, e.g. \\\"1.5s\\\" (google.protobuf.Duration).\"\n",
        "Int64" => "\"A 64-bit signed integer, as a JSON string (proto3 JSON mapping).\"\n",
        "UInt64" => "\"A 64-bit unsigned integer, as a JSON string (proto3 JSON mapping).\"\n",
        "Base64" => "\"Bytes as standard base64.\"\n",
        "JSON" => "\"Any JSON value (google.protobuf.Struct, Value, ListValue; Any with an @type member).\"\n",
        _ => "",
    };
}
