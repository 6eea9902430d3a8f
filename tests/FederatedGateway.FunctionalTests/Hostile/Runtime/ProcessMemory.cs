using System.Globalization;

namespace FederatedGateway.FunctionalTests.Hostile.Runtime;

/// <summary>A process's resident set size as the kernel reports it (<c>VmRSS</c> in <c>/proc/&lt;pid&gt;/status</c>).</summary>
public static class ProcessMemory
{
    public const long MiB = 1024 * 1024;

    /// <summary>The resident set size in bytes.</summary>
    public static long ResidentBytes(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                // "VmRSS:	  123456 kB"
                var kilobytes = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"/proc/{processId}/status has no VmRSS line");
    }

    public static string Format(long bytes) => $"{bytes / (double)MiB:0.0} MB";
}
