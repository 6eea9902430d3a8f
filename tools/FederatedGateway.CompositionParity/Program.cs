using FederatedGateway.CompositionParity;

// Composes every suite of a running federation gateway audit server with our composer and compares the result with
// the audit's own (Apollo) supergraph, ignoring order. Writes ours to --out for gateway runs.
//   dotnet run -c Release --project tools/FederatedGateway.CompositionParity -- --audit-url http://127.0.0.1:4200 [--out DIR] [suite...]
return await new ParityRun(Console.Out, Console.Error).RunAsync(args);
