using Google.Api;

namespace FederatedGateway.Grpc.Overlay;

/// <summary>A <c>google.api.http</c> rule written as one line in the config: <c>post /v1/quotes:batchGet body=*</c>.</summary>
internal static class HttpRuleText
{
    /// <summary>The rule; null when the text is not one.</summary>
    public static HttpRule? Parse(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length < 2 || !words[1].StartsWith('/'))
        {
            return null;
        }

        var rule = new HttpRule();
        switch (words[0].ToLowerInvariant())
        {
            case "get": rule.Get = words[1]; break;
            case "post": rule.Post = words[1]; break;
            case "put": rule.Put = words[1]; break;
            case "patch": rule.Patch = words[1]; break;
            case "delete": rule.Delete = words[1]; break;
            default: return null;
        }

        foreach (var word in words.Skip(2))
        {
            if (word.StartsWith("body=", StringComparison.Ordinal))
            {
                rule.Body = word[5..];
            }
            else if (word.StartsWith("response_body=", StringComparison.Ordinal))
            {
                rule.ResponseBody = word[14..];
            }
            else
            {
                return null;
            }
        }

        return rule;
    }
}
