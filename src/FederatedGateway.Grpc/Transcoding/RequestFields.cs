using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Transcoding;

/// <summary>Request fields by dotted proto path (<c>book.id</c>), as path templates and query parameters name them.</summary>
internal static class RequestFields
{
    /// <summary>The fields along <paramref name="path"/>, outermost first; null when one is missing or not a message on the way.</summary>
    public static List<ProtoField>? Find(ProtoMessage message, string path)
    {
        var chain = new List<ProtoField>();
        var current = message;
        var names = path.Split('.');
        for (var i = 0; i < names.Length; i++)
        {
            var field = current?.Fields.FirstOrDefault(f => f.ProtoName == names[i] || f.GraphQLName == names[i]);
            if (field is null)
            {
                return null;
            }

            chain.Add(field);
            current = i < names.Length - 1 ? (field.Kind == ProtoValueKind.Message && !field.IsRepeated ? field.Message : null) : null;
        }

        return chain;
    }
}
