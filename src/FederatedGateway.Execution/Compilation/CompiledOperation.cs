using System.Collections.Concurrent;
using System.Collections.Frozen;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Execution.Execution;

namespace FederatedGateway.Execution.Compilation;

/// <summary>
/// What execution keeps per prepared operation (per snapshot, see <see cref="OperationCompiler"/>): each fetch compiled
/// (<see cref="CompiledFetch"/>), the response shapes shared by requests whose <c>@skip</c>/<c>@include</c>
/// variables have the same values, and the size of the last response (the next one's buffer starts there). Core's prepared operation
/// stays immutable.
/// </summary>
public sealed class CompiledOperation
{
    private readonly FrozenDictionary<FetchNode, CompiledFetch> _fetches;
    /// <summary>Distinct combinations of condition values whose shapes are kept; further ones are computed per request.</summary>
    private const int MaxShapeVariants = 16;

    private readonly ResponseShapes _shapes = new();
    private readonly ConditionMask? _conditions;
    private readonly ConcurrentDictionary<ulong, ResponseShapes> _shapesByConditions = new();
    private int _responseSizeHint = 4096;
    private int _resultTreeSizeHint;

    internal CompiledOperation(PreparedOperation operation, FrozenDictionary<FetchNode, CompiledFetch> fetches)
    {
        Operation = operation;
        _fetches = fetches;
        _conditions = ConditionMask.For(operation.RootSelection);
        if (operation.Plan.Root is SubscriptionNode { Rest: { } rest })
        {
            _scheduled = rest;
        }
        else
        {
            _scheduled = operation.Plan.Root;
        }

        _schedule = _scheduled is null ? null : FetchSchedule.For(_scheduled);
    }

    private readonly PlanNode? _scheduled;
    private readonly FetchSchedule? _schedule;

    /// <summary>
    /// How <paramref name="node"/> runs fetch by fetch (see <see cref="FetchSchedule"/>): for the plan's root, or a
    /// subscription's per-event rest; null for any other node, or where the plan runs as its tree says.
    /// </summary>
    public FetchSchedule? ScheduleFor(PlanNode node) => ReferenceEquals(node, _scheduled) ? _schedule : null;

    public PreparedOperation Operation { get; }

    /// <summary>The compiled fetches, in no particular order.</summary>
    public IEnumerable<CompiledFetch> Fetches => _fetches.Values;

    /// <summary>
    /// The size of the last response written for this operation: the next one's buffer starts there instead of
    /// growing (and copying) from small. A hint only; races between requests are harmless.
    /// </summary>
    public int ResponseSizeHint
    {
        get => Volatile.Read(ref _responseSizeHint);
        set => Volatile.Write(ref _responseSizeHint, value);
    }

    /// <summary>
    /// The number of objects and lists in the last result tree built for this operation: the next request's arena is
    /// pooled for a large tree and plain for a small one (<see cref="ResultArenaPool.Rent(int)"/>). A hint only; races
    /// between requests are harmless.
    /// </summary>
    public int ResultTreeSizeHint
    {
        get => Volatile.Read(ref _resultTreeSizeHint);
        set => Volatile.Write(ref _resultTreeSizeHint, value);
    }

    /// <summary>The compiled form of one of the plan's fetches.</summary>
    /// <exception cref="InvalidOperationException">The node is not part of this operation's plan.</exception>
    public CompiledFetch Fetch(FetchNode node) =>
        _fetches.TryGetValue(node, out var compiled)
            ? compiled
            : throw new InvalidOperationException($"The fetch to \"{node.ServiceName}\" is not part of the compiled plan.");

    /// <summary>
    /// The response shapes shared by requests with this request's values of the condition variables, or null when
    /// they are not kept (more than <see cref="ConditionMask.MaxVariables"/> variables, or more than
    /// <see cref="MaxShapeVariants"/> combinations seen).
    /// </summary>
    internal ResponseShapes? ShapesFor(IReadOnlyDictionary<string, bool> booleans)
    {
        if (_conditions is null)
        {
            return null;
        }

        if (_conditions.IsEmpty)
        {
            return _shapes;
        }

        var mask = _conditions.Of(booleans);
        if (_shapesByConditions.TryGetValue(mask, out var shapes))
        {
            return shapes;
        }

        // A race may keep a few more than the bound; harmless.
        return _shapesByConditions.Count >= MaxShapeVariants ? null : _shapesByConditions.GetOrAdd(mask, static _ => new ResponseShapes());
    }
}
