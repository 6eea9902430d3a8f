using FederatedGateway.Demo.Security;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary>The demo's signing key file: made once, private to its owner, and a broken one is a clear message.</summary>
public sealed class DemoIssuerTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "fgw-demo-issuer-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Fact]
    public void The_key_file_is_made_at_first_start_readable_by_its_owner_only()
    {
        using (DemoIssuer.Open(_dataDirectory))
        {
        }

        var keyFile = Path.Combine(_dataDirectory, "signing-key.pem");
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", File.ReadAllText(keyFile), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }
    }

    [Fact]
    public void A_broken_key_file_is_refused_with_a_message_naming_it()
    {
        Directory.CreateDirectory(_dataDirectory);
        var keyFile = Path.Combine(_dataDirectory, "signing-key.pem");
        File.WriteAllText(keyFile, "-----BEGIN RSA PRIVATE KEY-----\nbm90IGEga2V5\n-----END RSA PRIVATE KEY-----\n");

        var error = Assert.Throws<InvalidOperationException>(() => DemoIssuer.Open(_dataDirectory));
        Assert.Contains(keyFile, error.Message, StringComparison.Ordinal);
    }
}
