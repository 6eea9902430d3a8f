using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FederatedGateway.AspNetCore.Internal;

/// <summary>Writes a complete body compressed with brotli or gzip when the client accepts it and it is worth it.</summary>
internal static class BodyCompression
{
    public static async Task<bool> TryWriteAsync(HttpResponse response, ReadOnlyMemory<byte> body)
    {
        var settings = response.HttpContext.RequestServices.GetService(typeof(GatewayOptionsSnapshot)) as GatewayOptionsSnapshot;
        var compression = settings?.Compression;
        if (compression is null || !compression.Enabled || body.Length < compression.MinimumSize)
        {
            return false;
        }

        var encoding = Choose(response.HttpContext.Request.Headers.AcceptEncoding);
        if (encoding is null)
        {
            return false;
        }

        response.Headers.ContentEncoding = encoding;
        response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        Stream compressor = encoding == "br"
            ? new BrotliStream(response.Body, compression.Level, leaveOpen: true)
            : new GZipStream(response.Body, compression.Level, leaveOpen: true);
        await using (compressor.ConfigureAwait(false))
        {
            await compressor.WriteAsync(body).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Brotli first, then gzip; an encoding with <c>q=0</c> is refused.</summary>
    internal static string? Choose(Microsoft.Extensions.Primitives.StringValues acceptEncoding)
    {
        string? best = null;
        foreach (var header in acceptEncoding)
        {
            foreach (var part in (header ?? "").Split(','))
            {
                var pieces = part.Split(';');
                var name = pieces[0].Trim().ToLowerInvariant();
                var refused = pieces.Skip(1).Any(p => p.Trim().Replace(" ", "", StringComparison.Ordinal) is "q=0" or "q=0.0" or "q=0.00" or "q=0.000");
                if (refused)
                {
                    continue;
                }

                if (name == "br")
                {
                    return "br";
                }

                if (name is "gzip")
                {
                    best = "gzip";
                }
            }
        }

        return best;
    }
}
