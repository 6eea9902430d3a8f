namespace FederatedGateway.Execution.Telemetry;

/// <summary>
/// Span attribute values boxed once: <see cref="System.Diagnostics.Activity.SetTag"/> takes an object, and a boxed
/// status code or flag per span is garbage the request path need not make.
/// </summary>
internal static class BoxedValues
{
    public static readonly object True = true;

    public static readonly object False = false;

    private static readonly object[] s_statusCodes = Enumerable.Range(0, 600).Select(static code => (object)code).ToArray();

    public static object Of(bool value) => value ? True : False;

    /// <summary>An HTTP status code (or any small number) boxed once; others are boxed anew.</summary>
    public static object Of(int value) => (uint)value < (uint)s_statusCodes.Length ? s_statusCodes[value] : value;
}
