using System.Globalization;
using System.Text;

namespace FederatedGateway.Testing.Telemetry;

/// <summary>
/// Parses Prometheus' text exposition format (version 0.0.4): <c># HELP</c>/<c># TYPE</c> lines are skipped, each other
/// line is <c>name{label="value",…} value [timestamp]</c>, label values with <c>\\</c>, <c>\"</c> and <c>\n</c> escapes.
/// </summary>
public static class PrometheusText
{
    public static IReadOnlyList<PrometheusSample> Parse(string text)
    {
        var samples = new List<PrometheusSample>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            samples.Add(ParseLine(line));
        }

        return samples;
    }

    private static PrometheusSample ParseLine(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] != '{' && line[i] != ' ')
        {
            i++;
        }

        var name = line[..i];
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (line[i] != '}')
            {
                var equals = line.IndexOf('=', i);
                var label = line[i..equals].Trim();
                i = equals + 1;
                if (line[i] != '"')
                {
                    throw new FormatException($"Label {label} has no quoted value: {line}");
                }

                i++;
                var value = new StringBuilder();
                while (line[i] != '"')
                {
                    if (line[i] == '\\')
                    {
                        i++;
                        value.Append(line[i] == 'n' ? '\n' : line[i]);
                    }
                    else
                    {
                        value.Append(line[i]);
                    }

                    i++;
                }

                labels[label] = value.ToString();
                i++;
                if (line[i] == ',')
                {
                    i++;
                }
            }

            i++;
        }

        var fields = line[i..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var number = fields[0] switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            var other => double.Parse(other, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return new PrometheusSample(name, labels, number);
    }
}
