using System.Text.Json;
using FederatedGateway.Execution.Execution;

namespace FederatedGateway.OpenApi.Client;

/// <summary>A field's error: its message and what its <c>extensions</c> say (the code first).</summary>
public sealed record ApiError(string Message, Action<Utf8JsonWriter> Extensions)
{
    public static ApiError Of(string message, string code) => new(message, w => w.WriteString("code", code));
}

/// <summary>One call's answer: its JSON (reading memory that <see cref="Owner"/> returns to its pool on dispose) or its error.</summary>
public sealed record ApiAnswer(JsonDocument? Json, IDisposable? Owner, ApiError? Error) : IDisposable
{
    public static ApiAnswer Failed(string message, string code) => new(null, null, ApiError.Of(message, code));

    /// <summary>The JSON read from a pooled array (returned to <see cref="PooledArrays"/> on dispose).</summary>
    public static ApiAnswer Of(JsonDocument json, byte[] pooled) => new(json, new PooledArray(pooled), null);

    public void Dispose()
    {
        Json?.Dispose();
        Owner?.Dispose();
    }

    private sealed class PooledArray(byte[] array) : IDisposable
    {
        public void Dispose() => PooledArrays.Return(array);
    }
}
