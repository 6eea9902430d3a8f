using System.Text.Encodings.Web;
using System.Text.Json;

namespace FederatedGateway.Execution.Execution;

/// <summary>JSON settings of client responses: characters are written as themselves, not as <c>\uXXXX</c> escapes.</summary>
public static class ResponseJson
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };
}
