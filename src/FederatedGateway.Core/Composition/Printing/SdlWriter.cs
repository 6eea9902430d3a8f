using System.Text;

namespace FederatedGateway.Core.Composition.Printing;

/// <summary>Small GraphQL text helpers: string literals and descriptions.</summary>
internal static class SdlWriter
{
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    public static void Description(StringBuilder sb, string? description, string indent)
    {
        if (description is null)
        {
            return;
        }

        if (!description.Contains('\n'))
        {
            sb.Append(indent).Append(Quote(description)).Append('\n');
            return;
        }

        sb.Append(indent).Append("\"\"\"\n");
        foreach (var line in description.Replace("\r\n", "\n").Split('\n'))
        {
            sb.Append(line.Length == 0 ? "" : indent).Append(line.Replace("\"\"\"", "\\\"\"\"")).Append('\n');
        }

        sb.Append(indent).Append("\"\"\"\n");
    }
}
