using System.Text.Json;
using FederatedGateway.Execution.Execution;

namespace FederatedGateway.OpenApi.Client;

/// <summary>A field's error: its message and what its <c>extensions</c> say (the code first).</summary>
public sealed record ApiError(string Message, Action<Utf8JsonWriter> Extensions)
{
    public static ApiError Of(string message, string code) => new(message, w => w.WriteString("code", code));
}

/// <summary>One call's answer: its JSON (reading the pooled <see cref="Buffer"/>, returned on dispose) or its error.</summary>
public sealed record ApiAnswer(JsonDocument? Json, byte[]? Buffer, ApiError? Error) : IDisposable
{
    public static ApiAnswer Failed(string message, string code) => new(null, null, ApiError.Of(message, code));

    public void Dispose()
    {
        Json?.Dispose();
        if (Buffer is not null)
        {
            PooledArrays.Return(Buffer);
        }
    }
}
