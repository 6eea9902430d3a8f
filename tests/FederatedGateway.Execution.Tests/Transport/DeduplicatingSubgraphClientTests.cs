using System.Text;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Execution.Compilation;
using FederatedGateway.Execution.Execution;
using FederatedGateway.Execution.Transport;
using static FederatedGateway.Execution.Tests.TestGraph;

namespace FederatedGateway.Execution.Tests.Transport;

/// <summary>
/// In-flight deduplication against a subgraph client that answers at once: identical fetches started in one turn
/// share a flight even when the subgraph would answer the first before the others are asked, and share its body.
/// </summary>
public sealed class DeduplicatingSubgraphClientTests
{
    private static readonly FetchNode DogFetch = Root("a", "{dog{__typename id name}}");
    private static readonly FetchNode Mutation = new("a", Core.Operations.OperationKind.Mutation, null, [], [], DogFetch.SelectionSet);

    private static SubgraphRequest Request(FetchNode node, string body = """{"query":"{dog{__typename id name}}"}""")
    {
        var compiled = new OperationCompiler().Compile(Prepare("{ dog { name } }", node)).Fetch(node);
        return new SubgraphRequest("a", "http://127.0.0.1:1/graphql", Encoding.UTF8.GetBytes(body)) { Fetch = compiled };
    }

    [Fact]
    public async Task Identical_fetches_started_in_one_turn_are_sent_once_even_when_answered_immediately()
    {
        var inner = new ImmediateClient();
        using var client = new DeduplicatingSubgraphClient(inner);

        // One turn of one scheduler (as on the gateway's one core): nothing else runs until the five have started.
        var oneTurn = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
        var calls = await Task.Factory.StartNew(
            () => Enumerable.Range(0, 5).Select(_ => client.SendAsync(Request(DogFetch), CancellationToken.None).AsTask()).ToArray(),
            CancellationToken.None,
            TaskCreationOptions.None,
            oneTurn);
        var answers = await Task.WhenAll(calls);

        Assert.Equal(1, inner.Calls);
        Assert.Equal(4, client.Shared);
        Assert.All(answers, answer => Assert.Equal("""{"data":{"n":1}}""", Encoding.UTF8.GetString(answer.Body.Span)));
        Assert.Single(answers.Select(BufferOf).Distinct()); // views of one body, no copy each
        foreach (var answer in answers.Skip(1))
        {
            answer.Dispose();
        }

        // One view left: the body is still there for it.
        Assert.Equal("""{"data":{"n":1}}""", Encoding.UTF8.GetString(answers[0].Body.Span));
        answers[0].Dispose();
        Assert.True(answers[0].Body.IsEmpty);
    }

    private static byte[] BufferOf(SubgraphResponse response) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(response.Body, out var segment) ? segment.Array! : [];

    [Fact]
    public async Task Different_bodies_and_mutations_are_each_sent()
    {
        var inner = new ImmediateClient();
        using var client = new DeduplicatingSubgraphClient(inner);

        var calls = new[]
        {
            client.SendAsync(Request(DogFetch), CancellationToken.None).AsTask(),
            client.SendAsync(Request(DogFetch, """{"query":"{dog{name}}"}"""), CancellationToken.None).AsTask(),
            client.SendAsync(Request(Mutation, """{"query":"mutation{touch}"}"""), CancellationToken.None).AsTask(),
            client.SendAsync(Request(Mutation, """{"query":"mutation{touch}"}"""), CancellationToken.None).AsTask(),
        };
        foreach (var answer in await Task.WhenAll(calls))
        {
            answer.Dispose();
        }

        Assert.Equal(4, inner.Calls);
        Assert.Equal(0, client.Shared);
    }

    [Fact]
    public async Task The_caller_that_started_a_fetch_continues_where_its_answer_arrived_and_callers_that_joined_are_queued()
    {
        var inner = new HeldClient();
        using var client = new DeduplicatingSubgraphClient(inner);

        // Alone: the caller goes on in the thread that delivers the answer (no queued hop per fetch).
        var aloneThread = 0;
        var alone = Continue(client.SendAsync(Request(DogFetch), CancellationToken.None), () => aloneThread = Environment.CurrentManagedThreadId);
        var answeringThread = await inner.AnswerFromOwnThreadAsync(expectedCalls: 1);
        Assert.Equal(answeringThread, aloneThread); // set before the answering thread's SetResult returned
        (await alone).Dispose();

        // Shared by three: the caller that started the flight goes on there too; the two that joined are queued to the
        // thread pool before it goes on, so they neither run in the answering thread nor wait for the starter's work
        // (here the starter waits until both have run, as its synchronous work would take long on another core).
        // Each with a token that can be cancelled, as requests' deadlines are (the wait is then a task of its own).
        using var deadline = new CancellationTokenSource();
        var threads = new int[3];
        using var joinersRan = new CountdownEvent(2);
        var starterSawJoiners = false;
        var oneTurn = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
        var shared = await Task.Factory.StartNew(
            () => Enumerable.Range(0, 3)
                .Select(i => Continue(client.SendAsync(Request(DogFetch), deadline.Token), () =>
                {
                    threads[i] = Environment.CurrentManagedThreadId;
                    if (i == 0)
                    {
                        starterSawJoiners = joinersRan.Wait(TimeSpan.FromSeconds(10));
                    }
                    else
                    {
                        joinersRan.Signal();
                    }
                }))
                .ToArray(),
            CancellationToken.None,
            TaskCreationOptions.None,
            oneTurn);
        answeringThread = await inner.AnswerFromOwnThreadAsync(expectedCalls: 2);
        foreach (var answer in await Task.WhenAll(shared))
        {
            answer.Dispose();
        }

        Assert.Equal(2, client.Shared);
        Assert.Equal(answeringThread, threads[0]); // the first caller started the flight
        Assert.True(starterSawJoiners);
        Assert.All(threads[1..], thread => Assert.NotEqual(answeringThread, thread));
    }

    /// <summary>A 200 answer with <paramref name="json"/> in a pooled body, as the HTTP client returns them.</summary>
    private static SubgraphResponse Answer(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var rented = PooledArrays.Rent(body.Length);
        body.CopyTo(rented, 0);
        return SubgraphResponse.FromBody(rented, body.Length, 200);
    }

    private static async Task<SubgraphResponse> Continue(ValueTask<SubgraphResponse> call, Action then)
    {
        var response = await call.ConfigureAwait(false);
        then();
        return response;
    }

    /// <summary>Holds each request until the test answers it from a thread of its own (not a thread-pool thread).</summary>
    private sealed class HeldClient : ISubgraphClient
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<TaskCompletionSource<SubgraphResponse>> _held = new();
        private int _calls;

        public ValueTask<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            var pending = new TaskCompletionSource<SubgraphResponse>();
            _held.Enqueue(pending);
            return new ValueTask<SubgraphResponse>(pending.Task);
        }

        /// <summary>Waits until <paramref name="expectedCalls"/> requests arrived, answers the held one, returns the answering thread's id.</summary>
        public async Task<int> AnswerFromOwnThreadAsync(int expectedCalls)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            TaskCompletionSource<SubgraphResponse>? pending;
            while (Volatile.Read(ref _calls) < expectedCalls || !_held.TryDequeue(out pending))
            {
                Assert.True(DateTime.UtcNow < deadline, "the fetch never reached the subgraph client");
                await Task.Delay(5);
            }

            var threadId = 0;
            var thread = new Thread(() =>
            {
                threadId = Environment.CurrentManagedThreadId;
                pending.SetResult(Answer("""{"data":{"n":1}}"""));
            });
            thread.Start();
            thread.Join();
            return threadId;
        }
    }

    /// <summary>Answers every request synchronously, numbering the answers.</summary>
    private sealed class ImmediateClient : ISubgraphClient
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public ValueTask<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken)
        {
            return ValueTask.FromResult(Answer("{\"data\":{\"n\":" + Interlocked.Increment(ref _calls) + "}}"));
        }
    }
}
