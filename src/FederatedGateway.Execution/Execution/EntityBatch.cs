using System.Buffers;
using System.Text.Json;
using FederatedGateway.Core.Planning;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// The objects one entity fetch is for, found along the flatten paths of the merged data, and their distinct
/// representations. Representation <c>i</c> is sent once; its answer (<c>_entities[i]</c>) merges into every
/// object that produced it. The objects' response paths are only needed to re-path errors, so they are found
/// then, by walking the paths again. Its arrays come from <see cref="ArrayPool{T}.Shared"/> (a batch of the benchmark
/// query has hundreds of targets); <see cref="Release"/> gives them back once the fetch is merged.
/// </summary>
internal sealed class EntityBatch
{
    private readonly FederatedSchema _schema;
    private readonly ResultObject _data;
    private readonly IReadOnlyList<IReadOnlyList<PathSegment>> _flattenPaths;
    private ResultObject[] _objects = Array.Empty<ResultObject>();
    private int _objectCount;
    private Dictionary<ResultObject, object[]?>? _objectPaths;
    private PooledBufferWriter? _json;

    // Per representation: its targets as a linked list (first target, next target), in target order; per target: its
    // representation (-1 when it has none).
    private int[] _first = Array.Empty<int>();
    private int[] _next = Array.Empty<int>();
    private int[] _representationOf = Array.Empty<int>();

    public EntityBatch(FederatedSchema schema, ResultObject data, IReadOnlyList<IReadOnlyList<PathSegment>> flattenPaths)
    {
        _schema = schema;
        _data = data;
        _flattenPaths = flattenPaths;
    }

    /// <summary>The distinct representations written by <see cref="BuildRepresentations"/>.</summary>
    public int RepresentationCount { get; private set; }

    /// <summary>The JSON array of the distinct representations, in order (valid until <see cref="Release"/>).</summary>
    public ReadOnlyMemory<byte> RepresentationsJson => _json?.WrittenMemory ?? ReadOnlyMemory<byte>.Empty;

    public int TargetCount => _objectCount;

    /// <summary>Finds the objects this fetch is for.</summary>
    public void Collect()
    {
        for (var i = 0; i < _flattenPaths.Count; i++)
        {
            Walk(_data, _flattenPaths[i], 0, null);
        }
    }

    /// <summary>The <c>__typename</c> of target <paramref name="target"/>.</summary>
    public string? TypenameOf(int target) => _objects[target].Typename;

    /// <summary>The first target of representation <paramref name="representation"/> (-1 when none).</summary>
    public int FirstTarget(int representation) => _first[representation];

    /// <summary>The next target of the same representation after <paramref name="target"/> (-1 when none).</summary>
    public int NextTarget(int target) => _next[target];

    /// <summary>
    /// The response path of target <paramref name="target"/>; null if it is no longer in the data. Call it
    /// holding the merge lock.
    /// </summary>
    public object[]? TargetPath(int target)
    {
        if (_objectPaths is null)
        {
            _objectPaths = new Dictionary<ResultObject, object[]?>(_objectCount, ReferenceEqualityComparer.Instance);
            for (var i = 0; i < _objectCount; i++)
            {
                _objectPaths.TryAdd(_objects[i], null);
            }

            var stack = new PathStack();
            for (var i = 0; i < _flattenPaths.Count; i++)
            {
                Walk(_data, _flattenPaths[i], 0, stack);
            }
        }

        return _objectPaths.TryGetValue(_objects[target], out var path) ? path : null;
    }

    /// <summary>
    /// Visits the objects at <paramref name="segments"/> below <paramref name="value"/>: adds them to the targets,
    /// or (with a <paramref name="path"/> stack) records the response path of those that are targets.
    /// </summary>
    private void Walk(ResultValue value, IReadOnlyList<PathSegment> segments, int position, PathStack? path)
    {
        if (value.Ref is List<ResultValue> list)
        {
            // Lists are walked whether or not the plan names them (nested lists flatten).
            var skipListSegment = position < segments.Count && segments[position].Kind == PathSegmentKind.List ? 1 : 0;
            for (var i = 0; i < list.Count; i++)
            {
                if (i + CachePrefetch.ListItemsAhead < list.Count)
                {
                    CachePrefetch.Object(list[i + CachePrefetch.ListItemsAhead].Ref);
                }

                path?.Push(i);
                Walk(list[i], segments, position + skipListSegment, path);
                path?.Pop();
            }

            return;
        }

        if (value.Ref is not ResultObject obj)
        {
            return;
        }

        if (position == segments.Count)
        {
            if (path is null)
            {
                AddTarget(obj);
            }
            else if (_objectPaths!.TryGetValue(obj, out var known) && known is null)
            {
                _objectPaths[obj] = path.ToArray();
            }

            return;
        }

        var segment = segments[position];
        switch (segment.Kind)
        {
            case PathSegmentKind.Field:
                if (obj.TryGetValue(segment.Name!, out var child))
                {
                    path?.Push(InternalAlias.ClientResponseName(segment.Name!));
                    Walk(child, segments, position + 1, path);
                    path?.Pop();
                }

                break;
            case PathSegmentKind.List:
                Walk(obj, segments, position + 1, path);
                break;
            case PathSegmentKind.TypeFilter:
                if (obj.Typename is { } typename && _schema.Satisfies(typename, segment.Name!))
                {
                    Walk(obj, segments, position + 1, path);
                }

                break;
        }
    }

    /// <summary>
    /// Writes each target's representation, keeping one per distinct UTF-8 text, into <see cref="RepresentationsJson"/>.
    /// Targets without one (no matching requirement, missing key fields) are left out.
    /// </summary>
    public void BuildRepresentations(IReadOnlyList<EntityRequirement> requirements, FlatRepresentations flat)
    {
        var count = _objectCount;
        _first = ArrayPool<int>.Shared.Rent(count);
        _next = ArrayPool<int>.Shared.Rent(count);
        _representationOf = ArrayPool<int>.Shared.Rent(count);
        var last = ArrayPool<int>.Shared.Rent(count);
        var json = _json = new PooledBufferWriter(256);
        var index = RepresentationIndex.Begin(json);
        var writer = ThreadJsonWriter.Attach(json);
        try
        {
            Append(json, (byte)'[');
            for (var t = 0; t < count; t++)
            {
                _next[t] = -1;
                _representationOf[t] = -1;
                var mark = json.WrittenCount;
                if (RepresentationCount > 0)
                {
                    Append(json, (byte)',');
                }

                var start = json.WrittenCount;
                var target = _objects[t];
                var typename = target.Typename;
                var outcome = typename is null ? FlatRepresentations.Outcome.None : flat.TryWrite(json, _schema, target, typename);
                if (outcome == FlatRepresentations.Outcome.General)
                {
                    writer.Reset(json);
                    if (RepresentationWriter.TryWrite(writer, _schema, target, requirements))
                    {
                        writer.Flush();
                        outcome = FlatRepresentations.Outcome.Written;
                    }
                    else
                    {
                        writer.Reset(json);
                    }
                }

                if (outcome != FlatRepresentations.Outcome.Written)
                {
                    json.ResetTo(mark);
                    continue;
                }

                var slice = (start, json.WrittenCount - start);
                if (index.TryFind(slice, out var representation))
                {
                    json.ResetTo(mark);
                    _next[last[representation]] = t;
                    last[representation] = t;
                    _representationOf[t] = representation;
                    continue;
                }

                representation = RepresentationCount++;
                index.Add(slice, representation);
                _first[representation] = t;
                last[representation] = t;
                _representationOf[t] = representation;
            }

            Append(json, (byte)']');
        }
        finally
        {
            ThreadJsonWriter.Detach(writer);
            index.End();
            ArrayPool<int>.Shared.Return(last);
        }
    }

    private static void Append(PooledBufferWriter buffer, byte value)
    {
        buffer.GetSpan(1)[0] = value;
        buffer.Advance(1);
    }

    /// <summary>Gives the batch's arrays back; nothing may use the batch afterwards.</summary>
    public void Release()
    {
        _json?.Dispose();
        _json = null;
        if (_objects.Length > 0)
        {
            ArrayPool<ResultObject>.Shared.Return(_objects, clearArray: true);
            _objects = Array.Empty<ResultObject>();
            _objectCount = 0;
        }

        if (_first.Length > 0)
        {
            ArrayPool<int>.Shared.Return(_first);
            ArrayPool<int>.Shared.Return(_next);
            ArrayPool<int>.Shared.Return(_representationOf);
            _first = _next = _representationOf = Array.Empty<int>();
        }
    }

    private void AddTarget(ResultObject obj)
    {
        if (_objectCount == _objects.Length)
        {
            var grown = ArrayPool<ResultObject>.Shared.Rent(Math.Max(16, _objectCount * 2));
            Array.Copy(_objects, grown, _objectCount);
            if (_objects.Length > 0)
            {
                ArrayPool<ResultObject>.Shared.Return(_objects, clearArray: true);
            }

            _objects = grown;
        }

        _objects[_objectCount++] = obj;
    }

    /// <summary>
    /// Merges <c>_entities</c> (one answer per representation, in order, owned by this batch) into the targets, in
    /// target order (the order the walk found them), loading targets a few ahead (see <see cref="CachePrefetch"/>).
    /// An answer shared by many objects (the same product under many reviews) is copied into all but the last,
    /// which takes the answer itself unless it is shared with other requests too.
    /// </summary>
    /// <param name="shared">The answers are shared with other requests (see <see cref="SubgraphAnswer.IsShared"/>): every target gets a copy.</param>
    public void MergeAnswers(List<ResultValue> entities, bool shared)
    {
        const int ObjectsAhead = 4, EntriesAhead = 2;
        var count = Math.Min(entities.Count, RepresentationCount);
        var targets = _objectCount;
        var objects = _objects;
        for (var t = 0; t < targets; t++)
        {
            if (t + ObjectsAhead < targets)
            {
                CachePrefetch.Object(objects[t + ObjectsAhead]);
            }

            if (t + EntriesAhead < targets)
            {
                objects[t + EntriesAhead].PrefetchEntries();
            }

            var representation = _representationOf[t];
            if ((uint)representation >= (uint)count || entities[representation].Ref is not ResultObject answer)
            {
                continue;
            }

            // The chain's last target (targets of one representation come in ascending order) may take the answer itself.
            ResultMerger.Merge(objects[t], answer, adopt: !shared && _next[t] < 0, _schema);
        }
    }
}
