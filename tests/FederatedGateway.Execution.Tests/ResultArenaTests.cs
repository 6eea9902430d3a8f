using System.Runtime.CompilerServices;
using System.Text;
using FederatedGateway.Execution.Execution;
using static FederatedGateway.Execution.Tests.TestGraph;

namespace FederatedGateway.Execution.Tests;

/// <summary>
/// Result trees recycled from request to request: a recycled object or list starts empty, keeps nothing of the
/// request before (no data, no reference to its buffers), the pool stays within its bounds, and requests running at
/// once never see each other's data.
/// </summary>
public sealed class ResultArenaTests
{
    [Fact]
    public void A_recycled_arena_hands_out_empty_objects_and_lists_and_keeps_no_buffer_of_the_request_before()
    {
        var pool = new ResultArenaPool();
        var (arena, buffer) = ReadIntoNewArena(pool);
        arena.Return();

        // The pool hands the same arena out again (one thread, nothing else returned in between).
        var again = pool.Rent();
        Assert.Same(arena, again);
        var obj = again.RentObject(4);
        Assert.Equal(0, obj.Count);
        Assert.False(obj.ContainsKey("name"));
        Assert.Null(obj.Typename);
        Assert.Empty(again.RentList(2));

        // Nothing the arena keeps refers to the answer's buffer any more: once dropped, it is collected.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(buffer.TryGetTarget(out _), "the pooled arena still holds the previous answer's buffer");
        GC.KeepAlive(again);
    }

    [Fact]
    public void An_object_that_grows_past_its_class_moves_its_entries_and_keeps_them()
    {
        var pool = new ResultArenaPool();
        var arena = pool.Rent();
        var obj = arena.RentObject(1);
        var value = new ResultValue(Encoding.UTF8.GetBytes("1"), 0, 1);
        for (var i = 0; i < 300; i++)
        {
            obj.Add(JsonNames.Share("k" + i), value);
        }

        Assert.Equal(300, obj.Count);
        Assert.True(obj.ContainsKey("k0"));
        Assert.True(obj.ContainsKey("k299"));
        arena.Return();
        Assert.True(pool.PooledSlots > 0);
    }

    [Fact]
    public void A_request_of_the_same_shape_gets_the_objects_back_in_order_with_the_storage_they_grew_to()
    {
        var pool = new ResultArenaPool();
        var arena = pool.Rent();
        var first = new[] { arena.RentObject(1), arena.RentObject(4), arena.RentObject(2) };
        var value = new ResultValue(Encoding.UTF8.GetBytes("1"), 0, 1);
        for (var i = 0; i < 6; i++)
        {
            first[1].Add(JsonNames.Share("k" + i), value);
        }

        Assert.Equal(8, first[1].Capacity);
        arena.Return();

        var again = pool.Rent();
        Assert.Same(arena, again);
        var second = new[] { again.RentObject(1), again.RentObject(4), again.RentObject(2) };
        Assert.Equal(first, second);
        Assert.Equal(8, second[1].Capacity);
        Assert.All(second, obj => Assert.Equal(0, obj.Count));
        Assert.False(second[1].ContainsKey("k0"));
    }

    [Fact]
    public void A_recycled_object_with_storage_far_larger_or_too_small_for_the_next_request_exchanges_it()
    {
        var pool = new ResultArenaPool();
        var arena = pool.Rent();
        var large = arena.RentObject(64);
        var small = arena.RentObject(1);
        arena.Return();

        var again = pool.Rent();
        Assert.Same(large, again.RentObject(64 / 8));
        Assert.Equal(8, large.Capacity);
        Assert.Same(small, again.RentObject(32));
        Assert.Equal(32, small.Capacity);
    }

    [Fact]
    public void A_loose_entry_array_no_later_request_needs_is_let_go()
    {
        var pool = new ResultArenaPool();
        var value = new ResultValue(Encoding.UTF8.GetBytes("1"), 0, 1);
        var arena = pool.Rent();
        var obj = arena.RentObject(4);
        for (var i = 0; i < 5; i++)
        {
            obj.Add(JsonNames.Share("k" + i), value);
        }

        // The object keeps its 8 slots (2 + 8); the 4 it grew out of lie loose.
        arena.Return();
        Assert.Equal(2 + 8 + 4, pool.PooledSlots);

        // A request of the same shape takes the object with its 8 slots and needs no loose array: that one goes.
        Assert.Same(arena, pool.Rent());
        Assert.Same(obj, arena.RentObject(4));
        arena.Return();
        Assert.Equal(2 + 8, pool.PooledSlots);
    }

    [Fact]
    public void An_arena_that_handed_out_more_than_the_limit_is_not_kept()
    {
        var pool = new ResultArenaPool(maxArenaInUse: 10);
        var arena = pool.Rent();
        for (var i = 0; i < 11; i++)
        {
            arena.RentObject(2);
        }

        arena.Return();
        Assert.Equal(0, pool.PooledSlots);
        Assert.NotSame(arena, pool.Rent());
    }

    [Fact]
    public void Returning_an_arena_twice_pools_it_once()
    {
        var pool = new ResultArenaPool();
        var arena = pool.Rent();
        arena.RentObject(2);
        arena.Return();
        arena.Return();

        Assert.Same(arena, pool.Rent());
        Assert.NotSame(arena, pool.Rent());
    }

    [Fact]
    public void The_pool_keeps_no_more_slots_than_its_limit()
    {
        var pool = new ResultArenaPool(maxPooledSlots: 100);
        var small = pool.Rent();
        var large = pool.Rent();
        for (var i = 0; i < 10; i++)
        {
            small.RentObject(1);
        }

        for (var i = 0; i < 30; i++)
        {
            large.RentObject(1);
        }

        small.Return();
        large.Return();

        // 10 objects of one slot each: 10 × (2 + 1); the second arena's 90 would pass the limit, so it is dropped.
        Assert.Equal(30, pool.PooledSlots);
        Assert.Same(small, pool.Rent());
        Assert.Equal(0, pool.PooledSlots);
        Assert.NotSame(large, pool.Rent());
    }

    [Fact]
    public async Task Requests_running_at_once_through_the_shared_pool_each_get_their_own_data()
    {
        // Root answers and entity answers differ per request; entity answers shared by two objects are copied, and
        // entity fetches grow the objects they merge into: every path that takes storage from an arena.
        const string query = "{ animals { name ... on Dog { owner } } }";
        var plan = Sequence(Root("a", "{animals{__typename name ...on Dog{id}}}"), Flatten(Entities("b", "...on Dog{owner}", Requirement("Dog", "id")), "animals.@"));
        var operation = Prepare(query, plan);

        // 70 dogs and 70 cats: a tree past ResultArenaPool.MinPooledTreeSize, so that each executor's second run
        // (TestGraph.Run executes twice) takes a pooled arena while other requests' first runs allocate theirs.
        const int Pairs = 70;
        Assert.True(2 * Pairs > ResultArenaPool.MinPooledTreeSize);

        async Task<bool> RunOne(int n)
        {
            var dog = $$$"""{"__typename":"Dog","id":"{{{n}}}","name":"Rex{{{n}}}"}""";
            var cat = $$$"""{"__typename":"Cat","name":"Tom{{{n}}}"}""";
            var fake = new FakeSubgraphs()
                .On("a", "{\"data\":{\"animals\":[" + string.Join(",", Enumerable.Repeat(dog + "," + cat, Pairs)) + "]}}")
                .On("b", $$$"""{"data":{"_entities":[{"owner":"ann{{{n}}}"}]}}""");
            var response = await Run(operation, fake);
            var dogOut = $$$"""{"name":"Rex{{{n}}}","owner":"ann{{{n}}}"}""";
            var catOut = $$$"""{"name":"Tom{{{n}}}"}""";
            var expected = "{\"animals\":[" + string.Join(",", Enumerable.Repeat(dogOut + "," + catOut, Pairs)) + "]}";
            return Data(response) == expected;
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 400).Select(n => Task.Run(() => RunOne(n))));
        Assert.All(results, Assert.True);
    }

    [Fact]
    public void An_arena_for_a_small_tree_allocates_what_it_hands_out_and_is_never_pooled()
    {
        var pool = new ResultArenaPool();
        var small = pool.Rent(ResultArenaPool.MinPooledTreeSize - 1);
        Assert.False(small.IsPooled);
        var obj = small.RentObject(2);
        obj.Add(JsonNames.Share("a"), new ResultValue(Encoding.UTF8.GetBytes("1"), 0, 1));
        small.RentList(3);
        Assert.Equal(2, small.InUse);
        small.Return();
        Assert.Equal(0, pool.PooledSlots);

        // A large tree's arena comes from the pool and goes back to it.
        var large = pool.Rent(ResultArenaPool.MinPooledTreeSize);
        Assert.True(large.IsPooled);
        large.RentObject(2);
        large.Return();
        Assert.Equal(2 + 2, pool.PooledSlots);
        Assert.Same(large, pool.Rent(ResultArenaPool.MinPooledTreeSize));
        Assert.NotSame(small, pool.Rent(ResultArenaPool.MinPooledTreeSize));
    }

    [Fact]
    public async Task An_operation_remembers_the_size_of_its_last_result_tree()
    {
        var many = string.Join(",", Enumerable.Repeat("""{"__typename":"Dog","name":"Rex"}""", 200));
        var subgraphs = new FakeSubgraphs().On(
            "a",
            body => body.GetProperty("query").GetString()!.Contains("animals", StringComparison.Ordinal)
                ? "{\"data\":{\"animals\":[" + many + "]}}"
                : """{"data":{"dog":{"name":"Rex"}}}""");
        var snapshot = FederatedGateway.Execution.Gateway.GatewaySnapshot.Build(TestGraph.Sdl, subgraphs);
        var gateway = new FederatedGateway.Execution.Gateway.FederatedGatewayExecutor(snapshot);

        async Task<int> HintAfter(string query)
        {
            using (var result = await gateway.ExecuteAsync(new FederatedGateway.Execution.Requests.GatewayRequest { Query = query }, CancellationToken.None))
            {
                Assert.DoesNotContain("errors", Encoding.UTF8.GetString(result.Body.Span));
            }

            var prepared = await snapshot.Preparer.PrepareAsync(query, null, default, CancellationToken.None);
            return snapshot.Executor.Compile(prepared.Operation!).ResultTreeSizeHint;
        }

        // The request's root, the answer's data object and the dog: a small tree, allocated.
        Assert.InRange(await HintAfter("{ dog { name } }"), 1, 8);

        // 200 objects and their list: the next request of this operation takes a pooled arena.
        Assert.InRange(await HintAfter("{ animals { name } }"), 201, 210);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (ResultArena Arena, WeakReference<byte[]> Buffer) ReadIntoNewArena(ResultArenaPool pool)
    {
        var arena = pool.Rent();
        var bytes = Encoding.UTF8.GetBytes("""{"data":{"pets":[{"__typename":"Dog","name":"Rex"},{"__typename":"Cat","name":"Tom"}]}}""");
        var answer = AnswerReader.Read(new ArraySegment<byte>(bytes), arena);
        Assert.Equal(2, ((List<ResultValue>)answer.Data!["pets"].Ref!).Count);
        return (arena, new WeakReference<byte[]>(bytes));
    }
}
