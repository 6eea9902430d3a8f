using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace FederatedGateway.Grpc.Descriptors;

/// <summary>
/// Gathers file descriptors as a server sends them and links them by the symbols they use, for servers whose files
/// come without their dependency lists (@grpc/reflection) or under other names (protobufjs merges the files of one
/// package into one). Names in <c>google.protobuf</c> are always linked to Google.Protobuf's own well-known files.
/// <see cref="Link"/> gives each file the dependencies its type names need, and keeps the files the roots reach.
/// </summary>
internal sealed class ProtoFileLinker
{
    private readonly Dictionary<string, FileDescriptorProto> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _fileBySymbol = new(StringComparer.Ordinal);

    public int Count => _files.Count;

    /// <summary>Adds a file (the first of a name wins).</summary>
    public void Add(FileDescriptorProto file)
    {
        if (!_files.TryAdd(file.Name, file))
        {
            return;
        }

        foreach (var symbol in ProtoSymbols.Declared(file))
        {
            _fileBySymbol.TryAdd(symbol, file.Name);
        }
    }

    /// <summary>Imports no file here names; a well-known one is supplied on the way.</summary>
    public IReadOnlyList<string> MissingImports() =>
        _files.Values.SelectMany(f => f.Dependency).Distinct(StringComparer.Ordinal).ToList().Where(name => !TryGetFile(name, out _)).ToList();

    /// <summary>Type names no file here declares under any of the full names they may mean.</summary>
    public IReadOnlyList<ProtoSymbols.Reference> Unresolved() =>
        _files.Values.ToList().SelectMany(ProtoSymbols.Referenced).Distinct().Where(r => Resolve(r) is null).ToList();

    /// <summary>
    /// The files the files declaring <paramref name="rootSymbols"/> reach, serialized, each with its declared imports
    /// plus the files declaring the type names it uses.
    /// </summary>
    public IReadOnlyList<ByteString> Link(IEnumerable<string> rootSymbols)
    {
        var linked = new Dictionary<string, FileDescriptorProto>(StringComparer.Ordinal);
        var pending = new Stack<string>(rootSymbols.Select(s => _fileBySymbol.GetValueOrDefault(s)).OfType<string>().Distinct());
        while (pending.TryPop(out var name))
        {
            if (linked.ContainsKey(name) || !TryGetFile(name, out var file))
            {
                continue;
            }

            var withDependencies = WithDependencies(file);
            linked[name] = withDependencies;
            foreach (var dependency in withDependencies.Dependency)
            {
                pending.Push(dependency);
            }
        }

        return linked.Values.Select(f => f.ToByteString()).ToList();
    }

    /// <summary>
    /// The file with the files its type names need added to its imports, and the imports no file here answers
    /// dropped (a server may name its files otherwise than their importers do); public and weak import indexes follow.
    /// </summary>
    private FileDescriptorProto WithDependencies(FileDescriptorProto file)
    {
        var kept = file.Dependency.Select((name, index) => (name, index)).Where(d => TryGetFile(d.name, out _)).ToList();
        var needed = ProtoSymbols.Referenced(file).Select(Resolve).OfType<string>()
            .Where(name => name != file.Name && !file.Dependency.Contains(name)).Distinct(StringComparer.Ordinal).ToList();
        if (needed.Count == 0 && kept.Count == file.Dependency.Count)
        {
            return file;
        }

        var newIndex = kept.Select((d, position) => (d.index, position)).ToDictionary(p => p.index, p => p.position);
        var copy = file.Clone();
        copy.Dependency.Clear();
        copy.Dependency.AddRange(kept.Select(d => d.name).Concat(needed));
        var publicDependencies = file.PublicDependency.Where(newIndex.ContainsKey).Select(i => newIndex[i]).ToList();
        var weakDependencies = file.WeakDependency.Where(newIndex.ContainsKey).Select(i => newIndex[i]).ToList();
        copy.PublicDependency.Clear();
        copy.PublicDependency.AddRange(publicDependencies);
        copy.WeakDependency.Clear();
        copy.WeakDependency.AddRange(weakDependencies);
        return copy;
    }

    private bool TryGetFile(string name, out FileDescriptorProto file)
    {
        if (_files.TryGetValue(name, out file!))
        {
            return true;
        }

        if (!WellKnownProtoFiles.TryGetByName(name, out file))
        {
            return false;
        }

        Add(file);
        return true;
    }

    /// <summary>The name of the file declaring what <paramref name="reference"/> means, or null.</summary>
    private string? Resolve(ProtoSymbols.Reference reference)
    {
        foreach (var candidate in ProtoSymbols.Candidates(reference))
        {
            if (WellKnownProtoFiles.TryGetBySymbol(candidate, out var builtIn))
            {
                // A copy the server sent under the standard name stands (Add keeps the first of a name).
                Add(builtIn);
                return builtIn.Name;
            }

            if (_fileBySymbol.TryGetValue(candidate, out var name))
            {
                return name;
            }
        }

        return null;
    }
}
