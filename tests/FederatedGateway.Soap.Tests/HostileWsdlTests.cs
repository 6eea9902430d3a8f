using System.Diagnostics;
using System.Text;
using FederatedGateway.Core.Composition;
using FederatedGateway.Soap.Translation;
using FederatedGateway.Soap.Wsdl;

namespace FederatedGateway.Soap.Tests;

/// <summary>
/// WSDLs an operator may be handed: with entity expansion (billion laughs), an external entity, groups nested beyond
/// reason, types that lead back to themselves. Each is refused with a clear message or translated, in bounded time
/// and memory (measured on the translating thread), never a stack overflow or a file read.
/// </summary>
public sealed class HostileWsdlTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Prologue = """
        <wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
          xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t">
        """;

    private const string Operation = """
          <wsdl:message name="In"><wsdl:part name="p" element="t:Get"/></wsdl:message>
          <wsdl:message name="Out"><wsdl:part name="p" element="t:GetResponse"/></wsdl:message>
          <wsdl:portType name="P"><wsdl:operation name="Get"><wsdl:input message="t:In"/><wsdl:output message="t:Out"/></wsdl:operation></wsdl:portType>
          <wsdl:binding name="B" type="t:P"><soap:binding style="document"/><wsdl:operation name="Get"><soap:operation soapAction="a"/></wsdl:operation></wsdl:binding>
          <wsdl:service name="S"><wsdl:port name="Q" binding="t:B"><soap:address location="http://127.0.0.1:9/"/></wsdl:port></wsdl:service>
        </wsdl:definitions>
        """;

    [Fact]
    public void A_billion_laughs_expansion_is_refused_before_anything_expands()
    {
        var entities = new StringBuilder("<!DOCTYPE wsdl:definitions [<!ENTITY l0 \"lol\">");
        for (var i = 1; i <= 10; i++)
        {
            entities.Append($"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">");
        }

        var (outcome, elapsed, allocated) = Measure(entities + "]>" + Prologue + "<wsdl:documentation>&l10;</wsdl:documentation>" + Operation);

        var refused = Assert.IsType<SoapSourceException>(outcome);
        Assert.Contains("a DTD (and so any entity) is refused", refused.Message, StringComparison.Ordinal);
        Assert.True(allocated < 16L * 1024 * 1024, $"allocated {allocated / 1048576} MB");
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
    }

    [Fact]
    public void An_external_entity_is_refused_and_nothing_is_read()
    {
        var secret = Path.Combine(Directory.CreateTempSubdirectory("fgw-xxe-").FullName, "secret.txt");
        File.WriteAllText(secret, "TOP-SECRET-VALUE");

        var (outcome, _, _) = Measure($"<!DOCTYPE wsdl:definitions [<!ENTITY x SYSTEM \"file://{secret}\">]>" + Prologue + "<wsdl:documentation>&x;</wsdl:documentation>" + Operation);

        var refused = Assert.IsType<SoapSourceException>(outcome);
        Assert.StartsWith("hostile.wsdl: a DTD (and so any entity) is refused", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TOP-SECRET-VALUE", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Elements_nested_a_hundred_thousand_deep_are_refused_within_bounds()
    {
        const int depth = 100_000;
        var wsdl = Prologue + string.Concat(Enumerable.Repeat("<wsdl:documentation>", depth)) + string.Concat(Enumerable.Repeat("</wsdl:documentation>", depth)) + Operation;

        var (outcome, elapsed, allocated) = Measure(wsdl);
        output.WriteLine($"{outcome?.Message}; {elapsed.TotalMilliseconds:0} ms, {allocated / 1048576} MB");

        var refused = Assert.IsType<SoapSourceException>(outcome);
        Assert.Contains($"elements nest more than {SafeXml.MaxDepth} deep", refused.Message, StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
        Assert.True(allocated < 256L * 1024 * 1024, $"allocated {allocated / 1048576} MB");
    }

    [Fact]
    public void Groups_nested_beyond_reason_are_refused_within_bounds()
    {
        const int depth = 200;
        var wsdl = Prologue + "<wsdl:types><xs:schema targetNamespace=\"urn:t\"><xs:element name=\"Get\"><xs:complexType>"
            + string.Concat(Enumerable.Repeat("<xs:sequence>", depth)) + "<xs:element name=\"x\" type=\"xs:string\"/>" + string.Concat(Enumerable.Repeat("</xs:sequence>", depth))
            + "</xs:complexType></xs:element><xs:element name=\"GetResponse\" type=\"xs:string\"/></xs:schema></wsdl:types>" + Operation;

        var (outcome, elapsed, allocated) = Measure(wsdl);
        output.WriteLine($"{outcome?.Message}; {elapsed.TotalMilliseconds:0} ms, {allocated / 1048576} MB");

        var refused = Assert.IsType<SoapSourceException>(outcome);
        Assert.Contains($"nest more than {XsdTypes.MaxContentDepth} deep", refused.Message, StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(20), $"took {elapsed}");
        Assert.True(allocated < 512L * 1024 * 1024, $"allocated {allocated / 1048576} MB");
    }

    [Fact]
    public void Types_that_lead_back_to_themselves_translate_and_compose()
    {
        var wsdl = Prologue + """
            <wsdl:types><xs:schema targetNamespace="urn:t" elementFormDefault="qualified">
              <xs:complexType name="Node"><xs:sequence><xs:element name="name" type="xs:string"/><xs:element name="child" type="t:Node" minOccurs="0" maxOccurs="unbounded"/><xs:element name="owner" type="t:Owner" minOccurs="0"/></xs:sequence></xs:complexType>
              <xs:complexType name="Owner"><xs:sequence><xs:element name="root" type="t:Node"/></xs:sequence></xs:complexType>
              <xs:element name="Get"><xs:complexType><xs:sequence><xs:element name="id" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
              <xs:element name="GetResponse"><xs:complexType><xs:sequence><xs:element name="node" type="t:Node"/></xs:sequence></xs:complexType></xs:element>
            </xs:schema></wsdl:types>
            """ + Operation;

        var (outcome, elapsed, _) = Measure(wsdl);

        Assert.Null(outcome);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(wsdl));
        var sdl = WsdlTranslator.Translate(WsdlReader.Read(content, "cyclic.wsdl")).Api.Sdl;
        Assert.Contains("  child: [Node!]!\n", sdl, StringComparison.Ordinal);
        Assert.Contains("  root: Node!\n", sdl, StringComparison.Ordinal);
        var composed = SupergraphComposer.Compose([new SubgraphSource("cyclic", "http://127.0.0.1:1/", sdl)]);
        Assert.True(composed.Errors.Count == 0, string.Join("\n", composed.Errors));
    }

    [Theory]
    [InlineData("<wsdl:definitions xmlns:wsdl=\"http://schemas.xmlsoap.org/wsdl/\"><wsdl:import location=\"http://127.0.0.1:9/other.wsdl\"/></wsdl:definitions>", "WSDL imports (http://127.0.0.1:9/other.wsdl) are not read")]
    [InlineData("<definitions/>", "not a WSDL 1.1 document")]
    [InlineData("<wsdl:definitions xmlns:wsdl=\"http://schemas.xmlsoap.org/wsdl/\"><wsdl:types>", "not well-formed XML")]
    public void Documents_the_source_cannot_use_are_refused_with_a_reason(string wsdl, string reason)
    {
        var (outcome, _, _) = Measure(wsdl);

        Assert.Contains(reason, Assert.IsType<SoapSourceException>(outcome).Message, StringComparison.Ordinal);
    }

    private static (Exception? Outcome, TimeSpan Elapsed, long Allocated) Measure(string wsdl)
    {
        var clock = Stopwatch.StartNew();
        Exception? outcome = null;
        long allocated = 0;

        // On a thread of its own with the default 1.5 MB stack a test host might not give: an overflow would kill the run.
        var thread = new Thread(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                using var content = new MemoryStream(Encoding.UTF8.GetBytes(wsdl));
                WsdlTranslator.Translate(WsdlReader.Read(content, "hostile.wsdl"));
            }
            catch (Exception ex)
            {
                outcome = ex;
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }, 1536 * 1024);
        thread.Start();
        thread.Join();
        return (outcome, clock.Elapsed, allocated);
    }
}
