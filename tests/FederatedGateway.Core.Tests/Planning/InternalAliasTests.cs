using FederatedGateway.Core.Planning;

namespace FederatedGateway.Core.Tests.Planning;

/// <summary>The gateway's own names: never equal to a client's, and mapped back to the client's where they stand for one.</summary>
public sealed class InternalAliasTests
{
    [Theory]
    [InlineData("id", "id", "id")]
    [InlineData("id", "username", "id")]
    [InlineData("__typename", "__typename", "__typename")]
    [InlineData("__typename", "name", "__fgw_c___typename")]
    [InlineData("__fgw_p_id", "name", "__fgw_c___fgw_p_id")]
    [InlineData("__fgw_c_x", "x", "__fgw_c___fgw_c_x")]
    [InlineData("price__fgw_Money", "price", "price__fgw_Money")]
    public void Client_response_names_keep_their_name_unless_it_belongs_to_the_gateway(string responseName, string fieldName, string dataKey)
    {
        Assert.Equal(dataKey, InternalAlias.DataKey(responseName, fieldName));
        Assert.Equal(responseName, InternalAlias.ClientResponseName(dataKey));
    }

    [Theory]
    [InlineData("price", "Money")]
    [InlineData("price", "[Money!]!")]
    [InlineData("__fgw_c___typename", "String_Value!")]
    [InlineData("___x", "A__B")]
    public void A_type_conflict_alias_maps_back_to_the_key_it_stands_for(string dataKey, string signature)
    {
        var alias = InternalAlias.ForTypeConflict(dataKey, signature);
        Assert.StartsWith(InternalAlias.Prefix, alias);
        Assert.Equal(dataKey, InternalAlias.ResponseKey(alias));
        Assert.True(InternalAlias.IsClientDataKey(alias));
    }

    [Fact]
    public void Type_conflict_aliases_of_different_types_differ()
    {
        Assert.NotEqual(InternalAlias.ForTypeConflict("x", "String!"), InternalAlias.ForTypeConflict("x", "String1"));
        Assert.NotEqual(InternalAlias.ForTypeConflict("x", "[A]"), InternalAlias.ForTypeConflict("x", "A"));
    }

    [Fact]
    public void Planner_fields_are_not_client_fields_and_arguments_give_different_names()
    {
        Assert.False(InternalAlias.IsClientDataKey(InternalAlias.ForPlannerField("id")));
        var eur = InternalAlias.ForArguments("price", "currency:\"EUR\" ");
        Assert.False(InternalAlias.IsClientDataKey(eur));
        Assert.NotEqual(eur, InternalAlias.ForArguments("price", "currency:\"USD\" "));
        Assert.Equal(eur, InternalAlias.ForArguments("price", "currency:\"EUR\" "));
        Assert.True(InternalAlias.IsClientDataKey("id"));
        Assert.True(InternalAlias.IsClientDataKey(InternalAlias.DataKey("__fgw_p_id", "name")));
    }
}
