using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// Reads the answer of a de-duplicated fetch once for all the requests waiting for it (see
/// <see cref="SharedSubgraphResponse.ReadOnce{T}"/>): into an arena of its own, returned with the parsed errors when
/// the last request has written its response. Each request merges copies of the objects and lists; the leaves stay
/// slices of the shared body.
/// </summary>
internal static class SharedAnswerReader
{
    public static (SubgraphAnswer Answer, IDisposable? Owner) Read(SubgraphResponse response)
    {
        var arena = ResultArenaPool.Shared.Rent();
        try
        {
            var read = AnswerReader.Read(response, arena);
            var answer = new SubgraphAnswer
            {
                IsObject = read.IsObject,
                HasData = read.HasData,
                HasErrors = read.HasErrors,
                Data = read.Data,
                ErrorsDocument = read.ErrorsDocument,
                IsShared = true,
            };
            return (answer, new Owner(arena, read.ErrorsDocument));
        }
        catch
        {
            arena.Return();
            throw;
        }
    }

    private sealed class Owner(ResultArena arena, IDisposable? errors) : IDisposable
    {
        public void Dispose()
        {
            errors?.Dispose();
            arena.Return();
        }
    }
}
