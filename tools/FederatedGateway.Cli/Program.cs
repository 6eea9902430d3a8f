using FederatedGateway.Cli;

var color = !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
return await new CliApp(Console.Out, Console.Error, color).RunAsync(args);
