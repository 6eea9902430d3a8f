using System.Text.Json;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.SchemaChanges;
using FederatedGateway.Core.Supergraph;

namespace FederatedGateway.Cli;

/// <summary><c>fgw schema-diff</c>: the classified changes between two schemas; exit 1 when one is breaking.</summary>
internal sealed partial class CliApp
{
    private int SchemaDiff(string? beforeFile, string? afterFile, string? format)
    {
        if (beforeFile is null || afterFile is null)
        {
            return Usage("schema-diff needs --before <file> and --after <file>", "schema-diff");
        }

        if (!TryReadApiSchema(beforeFile, out var before) || !TryReadApiSchema(afterFile, out var after))
        {
            return 2;
        }

        IReadOnlyList<SchemaChange> changes;
        try
        {
            changes = Core.SchemaChanges.SchemaDiff.Compare(before, after);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException ex)
        {
            _stderr.WriteLine($"error: a schema does not parse: {ex.Message}");
            return 2;
        }

        if (format == "json")
        {
            _stdout.WriteLine(JsonSerializer.Serialize(
                changes.Select(c => new { kind = c.Kind.ToString(), criticality = c.Criticality.ToString().ToLowerInvariant(), coordinate = c.Coordinate, message = c.Message }),
                new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            foreach (var change in changes)
            {
                _stdout.WriteLine($"{change.Criticality.ToString().ToLowerInvariant(),-9} {change.Coordinate}  {change.Message}");
            }
        }

        var breaking = changes.Count(c => c.Criticality == ChangeCriticality.Breaking);
        _stderr.WriteLine($"{changes.Count} changes: {breaking} breaking, {changes.Count(c => c.Criticality == ChangeCriticality.Dangerous)} dangerous, {changes.Count(c => c.Criticality == ChangeCriticality.Safe)} safe");
        return breaking > 0 ? 1 : 0;
    }

    /// <summary>The file's SDL; for a supergraph (it links the join spec), its API schema.</summary>
    private bool TryReadApiSchema(string file, out string sdl)
    {
        if (!TryRead(file, "schema", out sdl))
        {
            return false;
        }

        if (!sdl.Contains("specs.apollo.dev/join/", StringComparison.Ordinal))
        {
            return true;
        }

        try
        {
            sdl = ApiSchemaPrinter.Print(SupergraphReader.Read(sdl));
            return true;
        }
        catch (SupergraphException ex)
        {
            _stderr.WriteLine($"error: {file}: {ex.Message}");
            return false;
        }
    }
}
