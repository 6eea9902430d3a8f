using System.Text.Json;
using FederatedGateway.Grpc.Codec;
using FederatedGateway.Grpc.Translation;
using GraphQLParser;
using GraphQLParser.AST;

namespace FederatedGateway.Grpc.Client;

/// <summary>Compiles the GraphQL operation of a fetch against a <see cref="GrpcSchema"/>.</summary>
internal sealed class GrpcCallPlanCompiler
{
    private readonly GrpcSchema _schema;
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<ProtoMessage>> _unions = new(StringComparer.Ordinal);

    private GrpcCallPlanCompiler(GrpcSchema schema)
    {
        _schema = schema;
        foreach (var type in schema.ObjectTypes.Values)
        {
            foreach (var oneof in type.Oneofs)
            {
                _unions.TryAdd(oneof.UnionName, [.. oneof.Members]);
            }
        }
    }

    /// <exception cref="GrpcPlanException">The operation asks for something the source does not have.</exception>
    public static GrpcCallPlan Compile(GrpcSchema schema, string query)
    {
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException ex)
        {
            throw new GrpcPlanException("The subgraph operation does not parse: " + ex.Message);
        }

        var compiler = new GrpcCallPlanCompiler(schema);
        GraphQLOperationDefinition? operation = null;
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLFragmentDefinition fragment:
                    compiler._fragments[fragment.FragmentName.Name.StringValue] = fragment;
                    break;
                case GraphQLOperationDefinition op when operation is null:
                    operation = op;
                    break;
                case GraphQLOperationDefinition:
                    throw new GrpcPlanException("A subgraph request must hold exactly one operation.");
            }
        }

        if (operation is null)
        {
            throw new GrpcPlanException("The subgraph request has no operation.");
        }

        var kind = operation.Operation switch
        {
            OperationType.Mutation => RootKind.Mutation,
            OperationType.Subscription => RootKind.Subscription,
            _ => RootKind.Query,
        };
        return new GrpcCallPlan(kind, compiler.CompileRoot(kind, operation.SelectionSet));
    }

    private List<RootCall> CompileRoot(RootKind kind, GraphQLSelectionSet selectionSet)
    {
        var roots = new List<RootCall>();
        foreach (var (key, fields, conditions) in CollectFields([selectionSet], kind.ToString(), null))
        {
            var field = fields[0];
            var name = field.Name.StringValue;
            var encoded = JsonEncodedText.Encode(key);
            if (name == "__typename")
            {
                roots.Add(new RootCall(encoded, key) { Typename = kind.ToString(), Conditions = conditions });
            }
            else if (name == "_entities" && kind == RootKind.Query)
            {
                roots.Add(CompileEntities(encoded, key, fields, conditions));
            }
            else
            {
                var rpc = _schema.FindRootField(kind, name)
                    ?? throw new GrpcPlanException($"{kind}.{name} is not a field of this gRPC source.");
                var selection = rpc.ResponseField is { } unwrapped
                    ? unwrapped.Kind == ProtoValueKind.Message ? Compile(unwrapped.Message!, fields) : null
                    : rpc.ReturnsEmpty ? null : Compile(rpc.Response, fields);
                roots.Add(new RootCall(encoded, key)
                {
                    Rpc = rpc,
                    ResponseField = rpc.ResponseField,
                    Arguments = field.Arguments?.Items ?? [],
                    Selection = selection,
                    Conditions = conditions,
                });
            }
        }

        return roots;
    }

    private RootCall CompileEntities(JsonEncodedText encoded, string key, List<GraphQLField> fields, List<InclusionCondition>? conditions)
    {
        var argument = fields[0].Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "representations");
        if (argument?.Value is not GraphQLVariable variable)
        {
            throw new GrpcPlanException("_entities must take its representations from a variable.");
        }

        var selections = new Dictionary<string, OutputSelection>(StringComparer.Ordinal);
        foreach (var (typeName, entity) in _schema.Entities)
        {
            if (entity.Lookup is not null)
            {
                selections[typeName] = Compile(entity.Entity, fields);
            }
        }

        return new RootCall(encoded, key)
        {
            RepresentationsVariable = variable.Name.StringValue,
            EntitySelections = selections,
            Conditions = conditions,
        };
    }

    /// <summary>The merged sub-selections of <paramref name="fields"/> resolved against <paramref name="type"/>.</summary>
    private OutputSelection Compile(ProtoMessage type, List<GraphQLField> fields)
    {
        var sets = new List<GraphQLSelectionSet>();
        foreach (var f in fields)
        {
            if (f.SelectionSet is { } set)
            {
                sets.Add(set);
            }
        }

        var outputs = new List<OutputField>();
        foreach (var (key, group, conditions) in CollectFields(sets, type.GraphQLName, type))
        {
            var name = group[0].Name.StringValue;
            var encoded = JsonEncodedText.Encode(key);
            if (name == "__typename")
            {
                outputs.Add(new OutputField(encoded, OutputFieldKind.Typename) { Conditions = conditions });
                continue;
            }

            if (name == "_empty" && type.Fields.Count == 0)
            {
                outputs.Add(new OutputField(encoded, OutputFieldKind.EmptyMarker) { Conditions = conditions });
                continue;
            }

            var field = type.IsOneofWrapper ? type.FindField(name) : VisibleField(type, name);
            if (field is not null)
            {
                var child = field.Kind == ProtoValueKind.Message && field.Message is { } nested ? Compile(nested, group) : null;
                outputs.Add(new OutputField(encoded, OutputFieldKind.Field) { Field = field, Child = child, Conditions = conditions });
                continue;
            }

            if (!type.IsOneofWrapper && type.FindOneof(name) is { } oneof)
            {
                var members = new Dictionary<ProtoMessage, OutputSelection>();
                foreach (var member in oneof.Members)
                {
                    members[member] = Compile(member, group);
                }

                outputs.Add(new OutputField(encoded, OutputFieldKind.Oneof) { Oneof = oneof, Members = members, Conditions = conditions });
                continue;
            }

            if (!type.IsOneofWrapper && type.FindRelation(name) is { } relation)
            {
                outputs.Add(_schema.Entities.TryGetValue(relation.TypeName, out var entity) && entity.Lookup is not null
                    ? new OutputField(encoded, OutputFieldKind.Relation) { Relation = relation, RelationEntity = entity, RelationSelection = Compile(entity.Entity, group), Conditions = conditions }
                    : new OutputField(encoded, OutputFieldKind.Relation) { Relation = relation, RelationFields = CompileRelation(relation, group), Conditions = conditions });
                continue;
            }

            throw new GrpcPlanException($"{type.GraphQLName}.{name} is not a field of this gRPC source.");
        }

        return new OutputSelection(type, outputs);
    }

    /// <summary>What a query selects on a relation's entity: here only its key and <c>__typename</c> exist.</summary>
    private List<(JsonEncodedText Key, bool Typename)> CompileRelation(ProtoRelation relation, List<GraphQLField> fields)
    {
        var sets = fields.Where(f => f.SelectionSet is not null).Select(f => f.SelectionSet!).ToList();
        var selected = new List<(JsonEncodedText Key, bool Typename)>();
        foreach (var (key, group, _) in CollectFields(sets, relation.TypeName, null))
        {
            var name = group[0].Name.StringValue;
            selected.Add(name == "__typename" ? (JsonEncodedText.Encode(key), true)
                : name == relation.KeyName ? (JsonEncodedText.Encode(key), false)
                : throw new GrpcPlanException($"{relation.TypeName}.{name} is not resolved by this gRPC source (only the key \"{relation.KeyName}\" is)."));
        }

        return selected;
    }

    private static ProtoField? VisibleField(ProtoMessage type, string name) =>
        type.FindField(name) is { Oneof: null } field ? field : null;

    /// <summary>
    /// The spec's CollectFields: fields of <paramref name="sets"/> grouped by response key, fragments applied when
    /// their type condition matches <paramref name="type"/> (null: the root, matched by <paramref name="typeName"/>).
    /// </summary>
    private List<(string Key, List<GraphQLField> Fields, List<InclusionCondition>? Conditions)> CollectFields(
        List<GraphQLSelectionSet> sets, string typeName, ProtoMessage? type)
    {
        var order = new List<(string Key, List<GraphQLField> Fields, List<InclusionCondition>? Conditions)>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            Collect(set, null);
        }

        return order;

        void Collect(GraphQLSelectionSet set, List<InclusionCondition>? inherited)
        {
            foreach (var selection in set.Selections)
            {
                var directives = (selection as IHasDirectivesNode)?.Directives;
                if (!Conditions(directives, inherited, out var conditions))
                {
                    continue;
                }

                switch (selection)
                {
                    case GraphQLField field:
                        var key = field.Alias?.Name.StringValue ?? field.Name.StringValue;
                        if (byKey.TryGetValue(key, out var index))
                        {
                            order[index].Fields.Add(field);
                        }
                        else
                        {
                            byKey[key] = order.Count;
                            order.Add((key, [field], conditions));
                        }

                        break;
                    case GraphQLInlineFragment inline:
                        if (Applies(inline.TypeCondition?.Type.Name.StringValue, typeName, type))
                        {
                            Collect(inline.SelectionSet, conditions);
                        }

                        break;
                    case GraphQLFragmentSpread spread:
                        var fragment = _fragments.GetValueOrDefault(spread.FragmentName.Name.StringValue)
                            ?? throw new GrpcPlanException($"Unknown fragment \"{spread.FragmentName.Name.StringValue}\".");
                        if (Applies(fragment.TypeCondition.Type.Name.StringValue, typeName, type))
                        {
                            Collect(fragment.SelectionSet, conditions);
                        }

                        break;
                }
            }
        }
    }

    private bool Applies(string? condition, string typeName, ProtoMessage? type) =>
        condition is null
        || condition == typeName
        || (type is not null && _unions.TryGetValue(condition, out var members) && members.Contains(type))
        || (type is not null && condition == "_Entity" && type.Entity is not null);

    /// <summary>False when a literal <c>@skip</c>/<c>@include</c> excludes the selection; variable ones are collected.</summary>
    private static bool Conditions(GraphQLDirectives? directives, List<InclusionCondition>? inherited, out List<InclusionCondition>? conditions)
    {
        conditions = inherited;
        if (directives is null)
        {
            return true;
        }

        foreach (var directive in directives.Items)
        {
            var name = directive.Name.StringValue;
            if (name is not ("skip" or "include"))
            {
                continue;
            }

            var include = name == "include";
            var argument = directive.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "if")?.Value;
            switch (argument)
            {
                case GraphQLBooleanValue literal:
                    if (literal.BoolValue != include)
                    {
                        return false;
                    }

                    break;
                case GraphQLVariable variable:
                    conditions = [.. conditions ?? [], new InclusionCondition(variable.Name.StringValue, include)];
                    break;
            }
        }

        return true;
    }
}
