using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace FederatedGateway.FunctionalTests.Hostile.Runtime;

/// <summary>
/// A 70 MB answer to <c>{ instruments { symbol name } }</c>: about 500,000 instruments, each with a 100-character name,
/// built once per test process.
/// </summary>
public static class HugeAnswer
{
    public const int TargetSize = 70 * 1000 * 1000;

    private static readonly Lazy<byte[]> Body = new(Build);

    public static int Size => Body.Value.Length;

    /// <summary>Writes the answer; throws <see cref="OperationCanceledException"/> when the client dropped the connection.</summary>
    /// <remarks>
    /// Kestrel discards writes to a dropped connection without failing them and signals the request's abort a moment
    /// later (from the thread pool): a second's wait after the last write tells. The client has its answer by then.
    /// </remarks>
    public static async Task WriteAsync(HttpContext context)
    {
        var body = Body.Value;
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        for (var offset = 0; offset < body.Length; offset += 64 * 1024)
        {
            context.RequestAborted.ThrowIfCancellationRequested();
            await context.Response.Body.WriteAsync(body.AsMemory(offset, Math.Min(64 * 1024, body.Length - offset)), context.RequestAborted);
        }

        await Task.Delay(TimeSpan.FromSeconds(1), context.RequestAborted);
    }

    private static byte[] Build()
    {
        var name = new string('n', 100);
        var text = new StringBuilder(TargetSize + 1024);
        text.Append("{\"data\":{\"instruments\":[");
        for (var i = 0; text.Length < TargetSize; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append("{\"symbol\":\"S").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\",\"name\":\"").Append(name).Append("\"}");
        }

        text.Append("]}}");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
