using FederatedGateway.Execution.PersistedDocuments;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FederatedGateway.AspNetCore.PersistedDocuments;

/// <summary>
/// An APQ store in Redis, shared by every gateway replica: one string key per hash with an expiry. When Redis is slow
/// or unreachable the gateway goes on without it (a lookup misses, so the client sends its document again; a
/// registration is dropped) and logs the failure, rather than failing the request.
/// </summary>
internal sealed class RedisPersistedQueryStore : IPersistedQueryStore, IDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection;
    private readonly ApqSettings _settings;
    private readonly ILogger _logger;

    public RedisPersistedQueryStore(ApqSettings settings, ILogger<RedisPersistedQueryStore> logger)
    {
        _settings = settings;
        _logger = logger;
        var options = ConfigurationOptions.Parse(settings.Redis!);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = (int)settings.RedisTimeout.TotalMilliseconds;
        options.AsyncTimeout = (int)settings.RedisTimeout.TotalMilliseconds;
        options.SyncTimeout = (int)settings.RedisTimeout.TotalMilliseconds;
        _connection = new Lazy<Task<ConnectionMultiplexer>>(() => ConnectionMultiplexer.ConnectAsync(options));
    }

    public async ValueTask<string?> GetAsync(string hash, CancellationToken cancellationToken)
    {
        try
        {
            var database = (await _connection.Value.ConfigureAwait(false)).GetDatabase();
            var value = await database.StringGetAsync(Key(hash)).WaitAsync(_settings.RedisTimeout, cancellationToken).ConfigureAwait(false);
            return value.HasValue ? value.ToString() : null;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            PersistedDocumentsLog.RedisFailed(_logger, "read", ex);
            return null;
        }
    }

    public async ValueTask SetAsync(string hash, string document, CancellationToken cancellationToken)
    {
        try
        {
            var database = (await _connection.Value.ConfigureAwait(false)).GetDatabase();
            await database.StringSetAsync(Key(hash), document, _settings.RedisExpiry).WaitAsync(_settings.RedisTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            PersistedDocumentsLog.RedisFailed(_logger, "write", ex);
        }
    }

    private RedisKey Key(string hash) => _settings.RedisKeyPrefix + hash;

    public void Dispose()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            _connection.Value.Result.Dispose();
        }
    }
}
