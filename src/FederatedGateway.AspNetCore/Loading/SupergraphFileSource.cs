namespace FederatedGateway.AspNetCore.Loading;

/// <summary>A supergraph SDL file (<c>--supergraph</c>).</summary>
internal sealed class SupergraphFileSource : ISupergraphSource
{
    private readonly string _path;

    public SupergraphFileSource(string path)
    {
        _path = path;
        WatchedFiles = new[] { Path.GetFullPath(path) };
    }

    public string Description => _path;

    public IReadOnlyCollection<string> WatchedFiles { get; }

    public IReadOnlyList<string> Notes => Array.Empty<string>();

    /// <summary>Never raised: only the file's changes matter.</summary>
    public event Action? Changed
    {
        add { }
        remove { }
    }

    public async Task<string> LoadSdlAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(_path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SupergraphLoadException($"Cannot read the supergraph file \"{_path}\": {ex.Message}", ex);
        }
    }
}
