using System.Collections;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Reflection;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;

namespace FederatedGateway.Core.Tests.Schema;

/// <summary>A read schema is shared by concurrent requests: nothing reachable from it may be changed by its users.</summary>
public sealed class FederatedSchemaImmutabilityTests
{
    private static readonly Type[] SchemaModel =
    {
        typeof(FederatedSchema), typeof(SchemaType), typeof(SchemaField), typeof(SchemaArgument), typeof(SchemaEnumValue),
        typeof(TypeInSubgraph), typeof(FieldInSubgraph), typeof(EntityKey), typeof(SubgraphInfo), typeof(TypeRef),
        typeof(FrozenOrderedDictionary<SchemaType>),
    };

    public static TheoryData<Type> ModelTypes() => new(SchemaModel);

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void ExposesNoPublicSetter(Type type)
    {
        var writable = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            .Select(p => p.Name);
        Assert.Empty(writable);
        Assert.Empty(type.GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => !f.IsInitOnly).Select(f => f.Name));
    }

    /// <summary>An <c>init</c> accessor (records) only builds a new instance; it cannot change a shared one.</summary>
    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit));

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void ExposesOnlyFrozenCollections(Type type)
    {
        var mutable = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType) && !IsFrozen(p.PropertyType))
            .Select(p => $"{p.Name}: {p.PropertyType}");
        Assert.Empty(mutable);
    }

    [Fact]
    public void FieldSetsPointAtTheSchemasOwnFields()
    {
        var schema = SupergraphReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Goldens", "shop", "supergraph.graphql")));
        var book = schema.GetType("Book");

        var key = Assert.IsType<FieldSelection>(Assert.Single(Assert.Single(book.Graphs["pricing"].Keys).Selection.Selections));
        Assert.Same(book.Fields["sku"], key.Definition);

        var requires = Assert.IsType<FieldSelection>(Assert.Single(book.Fields["shippingCost"].Graphs["inventory"].RequiresSelection!.Selections));
        Assert.Same(book.Fields["weight"], requires.Definition);
    }

    [Fact]
    public void KeepsDeclarationOrderWhileLookingUpByName()
    {
        var schema = SupergraphReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Goldens", "shop", "supergraph.graphql")));
        var book = schema.GetType("Book");

        Assert.Equal(book.FieldOrder, book.Fields.Keys);
        Assert.Equal(book.Fields.Keys, book.Fields.Values.Select(f => f.Name));
        Assert.All(book.Fields.Keys, name => Assert.Same(book.Fields[name], book.FindField(name)));
        Assert.Equal(new[] { "catalog", "inventory", "media", "pricing", "users" }, schema.Subgraphs.Select(s => s.Name));
        Assert.Equal(schema.Types.Keys, schema.Types.Select(pair => pair.Key));
    }

    [Fact]
    public void ReadOnlyListsAreArrays()
    {
        var schema = SupergraphReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Goldens", "shop", "supergraph.graphql")));

        Assert.IsType<SubgraphInfo[]>(schema.Subgraphs);
        Assert.IsType<GraphQLParser.AST.GraphQLDirectiveDefinition[]>(schema.ApiDirectives);
    }

    /// <summary>Frozen or immutable collections, or a read-only list (which <see cref="ReadOnlyListsAreArrays"/> checks is an array).</summary>
    private static bool IsFrozen(Type type)
    {
        if (!type.IsGenericType)
        {
            return false;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(ImmutableArray<>) || definition == typeof(FrozenSet<>) || definition == typeof(FrozenDictionary<,>)
            || definition == typeof(FrozenOrderedDictionary<>) || definition == typeof(IReadOnlyList<>);
    }
}
