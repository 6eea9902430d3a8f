using System.Buffers;
using System.Text.Json;
using FederatedGateway.Execution.Transport;
using FederatedGateway.Grpc.Codec;
using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Client;

/// <summary>Writes a fetch's GraphQL response: <c>data</c> in the operation's order, then the errors with their paths.</summary>
internal static class GrpcResponseWriter
{
    public static void Write(Utf8JsonWriter json, GrpcCallPlan plan, RootResult[] results, ProtoJsonContext context)
    {
        var errors = new List<(GrpcCallError Error, object[] Path)>();
        var scratch = new ArrayBufferWriter<byte>(512);
        using var scratchWriter = new Utf8JsonWriter(scratch);
        json.WriteStartObject();
        json.WritePropertyName("data");
        json.WriteStartObject();
        for (var i = 0; i < plan.Roots.Count; i++)
        {
            var root = plan.Roots[i];
            var result = results[i];
            if (!context.IsIncluded(root.Conditions))
            {
                continue;
            }

            json.WritePropertyName(root.Key);
            if (root.Typename is not null)
            {
                json.WriteStringValue(root.Typename);
            }
            else if (result.Entities is { } entities)
            {
                json.WriteStartArray();
                for (var e = 0; e < entities.Length; e++)
                {
                    var item = entities[e];
                    if (item.Error is { } error)
                    {
                        errors.Add((error, [root.Path, e]));
                        json.WriteNullValue();
                    }
                    else if (item.Buffer is null)
                    {
                        json.WriteNullValue();
                    }
                    else
                    {
                        WriteChecked(json, scratch, scratchWriter, item.Buffer.AsMemory(item.Start, item.Length), null, item.Selection!, context, errors, [root.Path, e]);
                    }
                }

                json.WriteEndArray();
            }
            else if (result.Error is { } error)
            {
                errors.Add((error, [root.Path]));
                json.WriteNullValue();
            }
            else if (root.ResponseField is { } unwrapped)
            {
                WriteChecked(json, scratch, scratchWriter, result.Response, unwrapped, root.Selection, context, errors, [root.Path]);
            }
            else if (root.Selection is null)
            {
                json.WriteBooleanValue(true);
            }
            else
            {
                WriteChecked(json, scratch, scratchWriter, result.Response, null, root.Selection, context, errors, [root.Path]);
            }
        }

        json.WriteEndObject();
        WriteErrors(json, errors);
        json.WriteEndObject();
    }

    /// <summary>A response that failed as a whole: <c>data: null</c> and one error.</summary>
    public static void WriteFailure(Utf8JsonWriter json, GrpcCallError error)
    {
        json.WriteStartObject();
        json.WriteNull("data");
        WriteErrors(json, [(error, [])]);
        json.WriteEndObject();
    }

    /// <summary>A refused or failed subscription: <c>{"errors":[…]}</c> only.</summary>
    public static void WriteErrorsOnly(Utf8JsonWriter json, GrpcCallError error, string? path = null)
    {
        json.WriteStartObject();
        WriteErrors(json, [(error, path is null ? [] : [path])]);
        json.WriteEndObject();
    }

    /// <summary>
    /// Decodes into a scratch buffer first, so a malformed message leaves a clean null and an error. Writes the
    /// message, or only the value of <paramref name="field"/> in it (an unwrapped response).
    /// </summary>
    private static void WriteChecked(
        Utf8JsonWriter json, ArrayBufferWriter<byte> scratch, Utf8JsonWriter scratchWriter, ReadOnlyMemory<byte> message,
        ProtoField? field, OutputSelection? selection, ProtoJsonContext context, List<(GrpcCallError, object[])> errors, object[] path)
    {
        scratch.ResetWrittenCount();
        scratchWriter.Reset(scratch);
        var relations = context.Relations;
        var relationErrors = relations?.Errors.Count ?? 0;
        relations?.Path.Clear();
        try
        {
            if (field is null)
            {
                ProtoJsonWriter.WriteObject(scratchWriter, message.Span, selection!, context);
            }
            else
            {
                ProtoJsonWriter.WriteField(scratchWriter, message.Span, field, selection, context);
            }

            scratchWriter.Flush();
            json.WriteRawValue(scratch.WrittenSpan, skipInputValidation: true);
            for (var i = relationErrors; i < (relations?.Errors.Count ?? 0); i++)
            {
                var (error, below) = relations!.Errors[i];
                errors.Add((error, [.. path, .. below]));
            }
        }
        catch (ProtoCodecException ex)
        {
            relations?.Errors.RemoveRange(relationErrors, relations.Errors.Count - relationErrors);
            errors.Add((new GrpcCallError(ex.Message, GrpcStatusCodes.MalformedResponse), path));
            json.WriteNullValue();
        }
    }

    private static void WriteErrors(Utf8JsonWriter json, List<(GrpcCallError Error, object[] Path)> errors)
    {
        if (errors.Count == 0)
        {
            return;
        }

        json.WriteStartArray("errors");
        foreach (var (error, path) in errors)
        {
            json.WriteStartObject();
            json.WriteString("message", error.Message);
            if (path.Length > 0)
            {
                ErrorPathJson.Write(json, path);
            }

            json.WriteStartObject("extensions");
            json.WriteString("code", error.Code);
            if (error.Status is { } status)
            {
                json.WriteNumber("grpcStatus", status);
            }

            if (error.Method is { } method)
            {
                json.WriteString("grpcMethod", method);
            }

            if (error.DetailsJson is { } details)
            {
                json.WritePropertyName("details");
                json.WriteRawValue(details);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
