namespace FederatedGateway.Core.Tests.Operations;

/// <summary>
/// The spec's FieldsInSetCanMerge as <c>FieldMergeValidator</c> implements it: each case is checked against the
/// expected verdict and against GraphQL.NET's OverlappingFieldsCanBeMerged, the rule it replaces.
/// </summary>
public sealed class FieldMergeValidatorTests
{
    public static TheoryData<string, string> Conflicts => new()
    {
        { "different fields, one alias", "{ dog { x: name x: nickname } }" },
        { "alias over another field's name", "{ dog { name: nickname name } }" },
        { "same field, different arguments", """{ dog { doesKnowCommand(command: "SIT") doesKnowCommand(command: "HEEL") } }""" },
        { "a variable against a literal", """query($c: String!) { dog { doesKnowCommand(command: $c) doesKnowCommand(command: "SIT") } }""" },
        { "different return shapes on exclusive parents", "{ pet { ... on Dog { x: barkVolume } ... on Cat { x: name } } }" },
        { "nullability differs on exclusive parents", "{ catOrDog { ... on Cat { v: lives } ... on Dog { v: barkVolume } } }" },
        { "list against object on exclusive parents", "{ pet { ... on Dog { x: friends { name } } ... on Cat { x: owner { name } } } }" },
        { "shape conflict below exclusive parents", "{ pet { ... on Dog { owner { x: name } } ... on Cat { owner { x: age } } } }" },
        { "interface parent against object parent", "{ pet { x: name ... on Dog { x: nickname } } }" },
        { "through named fragments", "{ dog { ...A ...B } } fragment A on Dog { x: name } fragment B on Dog { x: nickname }" },
        { "fragment on the interface inside an object", "{ dog { ...P x: nickname } } fragment P on Pet { x: name }" },
        { "conflict two levels down, merged across fields", "{ dog { owner { name } } dog { owner { x: name } } dog { owner { x: age } } }" },
        { "different root fields, one alias", "{ a: dog { name } a: cat { name } }" },
        { "__typename against a field", "{ pet { x: __typename x: name } }" },
        { "inline fragment without type condition", "{ dog { ... { x: name } x: nickname } }" },
        { "same parent reached through two inline fragments", "{ pet { ... on Dog { x: name } ... on Dog { x: nickname } } }" },
    };

    public static TheoryData<string, string> Merges => new()
    {
        { "the same field twice", "{ dog { name name } }" },
        { "the same alias twice", "{ dog { n: name n: name } }" },
        { "same arguments", """{ dog { doesKnowCommand(command: "SIT") doesKnowCommand(command: "SIT") } }""" },
        { "different fields on exclusive parents, same shape", "{ pet { ... on Dog { x: barkVolume } ... on Cat { x: meowVolume } } }" },
        { "different fields below exclusive parents", "{ pet { ... on Dog { owner { x: name } } ... on Cat { owner { x: email } } } }" },
        { "same field on the interface and an object", "{ pet { name ... on Dog { name } } }" },
        { "sub-selections merge", "{ dog { owner { name } } dog { owner { age } } }" },
        { "directives do not matter", "{ dog { name @include(if: true) name @skip(if: false) } }" },
        { "__typename everywhere", "{ pet { __typename ... on Dog { __typename } ... on Cat { __typename } } }" },
        { "fragments that agree", "{ dog { ...A ...A name } } fragment A on Dog { name owner { name } }" },
        { "union members with one alias", "{ catOrDog { ... on Cat { n: nickname } ... on Dog { n: nickname } } }" },
        { "different aliases", "{ dog { a: name b: nickname } }" },
    };

    [Theory]
    [MemberData(nameof(Conflicts))]
    public void ConflictsAreReported(string description, string query)
    {
        Assert.True(PetSchema.OtherRulesAccept(query), description);
        Assert.False(PetSchema.ReferenceAccepts(query), "GraphQL.NET disagrees: " + description);
        var error = Assert.Single(PetSchema.Validate(query));
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error.Code);
        Assert.Contains(" conflict because ", error.Message);
        Assert.Equal(2, error.Locations.Count);
    }

    [Theory]
    [MemberData(nameof(Merges))]
    public void FieldsThatCanMergeAreAccepted(string description, string query)
    {
        Assert.True(PetSchema.OtherRulesAccept(query), description);
        Assert.True(PetSchema.ReferenceAccepts(query), "GraphQL.NET disagrees: " + description);
        Assert.Empty(PetSchema.Validate(query));
    }

    [Fact]
    public void TheMessageNamesThePathTheFieldsAndTheirLocations()
    {
        var error = Assert.Single(PetSchema.Validate("{ dog {\n  owner { x: name }\n  owner { x: email }\n} }"));
        Assert.Equal("Fields \"dog.owner.x\" conflict because \"name\" and \"email\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", error.Message);
        Assert.Equal(new[] { (2, 11), (3, 11) }, error.Locations);
    }

    [Fact]
    public void DifferentShapesNameBothTypes()
    {
        var error = Assert.Single(PetSchema.Validate("{ catOrDog { ... on Cat { v: lives } ... on Dog { v: barkVolume } } }"));
        Assert.Contains("they return conflicting types \"Int!\" and \"Int\"", error.Message);
    }

    [Fact]
    public void RepeatedConflictingPairsAreReportedOnce()
    {
        var query = "{ dog {" + string.Concat(Enumerable.Repeat(" x: name x: nickname", 1000)) + " } }";
        Assert.Single(PetSchema.Validate(query));
    }

    [Fact]
    public void DistinctConflictsAreBoundedByMaxErrors()
    {
        // 200 distinct arguments: 19,900 conflicting pairs, reporting stops at the limit.
        var query = "{ dog {" + string.Concat(Enumerable.Range(0, 200).Select(i => $" doesKnowCommand(command: \"C{i}\")")) + " } }";
        Assert.Equal(10, PetSchema.Validate(query, maxErrors: 10).Count);
    }

    [Fact]
    public void ADistinctConflictIsReportedOncePerVariantEvenWithoutAnErrorLimit()
    {
        // 1,000 distinct arguments: 499,500 conflicting pairs, one error for each variant after the first.
        var query = "{ dog {" + string.Concat(Enumerable.Range(0, 1000).Select(i => $" doesKnowCommand(command: \"C{i}\")")) + " } }";
        Assert.Equal(999, PetSchema.Validate(query).Count);
    }

    [Fact]
    public void ManyMutuallyExclusiveVariantsAreCheckedWithinThePairBudget()
    {
        // Each level splits every path into a Dog and a Cat branch: 2^11 positions for "x" at the bottom, with two
        // different field names that never meet in one object, about two million pairs to compare.
        var fragments = string.Concat(Enumerable.Range(0, 10).Select(i => $" fragment F{i} on Pet {{ ... on Dog {{ friends {{ ...F{i + 1} }} }} ... on Cat {{ friends {{ ...F{i + 1} }} }} }}"));
        var query = "{ pets { ...F0 } }" + fragments + " fragment F10 on Pet { ... on Dog { x: barkVolume } ... on Cat { x: meowVolume } }";

        Assert.Empty(PetSchema.Validate(query));
        var tooMany = Assert.Throws<FederatedGateway.Core.Operations.OperationTooLargeException>(() => PetSchema.Validate(query, maxFields: 10_000));
        Assert.Contains("\"pets.friends.friends.friends.friends.friends.friends.friends.friends.friends.friends.x\"", tooMany.Message);
    }

    [Fact]
    public void AFragmentThatMultipliesTheOperationStopsAtTheFieldBudget()
    {
        // Each fragment spreads the next under two different response names: 2^20 paths once expanded.
        var fragments = string.Concat(Enumerable.Range(0, 20).Select(i => $" fragment F{i} on Person {{ pets {{ owner {{ ...F{i + 1} }} }} more: pets {{ owner {{ ...F{i + 1} }} }} }}"));
        var query = "{ person { ...F0 } }" + fragments + " fragment F20 on Person { name }";
        Assert.Throws<FederatedGateway.Core.Operations.OperationTooLargeException>(() => PetSchema.Validate(query, maxFields: 10_000));
    }
}
