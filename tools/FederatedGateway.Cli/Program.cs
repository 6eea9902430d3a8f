using FederatedGateway.Cli;

var color = CliApp.UseColor(Console.IsErrorRedirected, Environment.GetEnvironmentVariable("NO_COLOR"));
return await new CliApp(Console.Out, Console.Error, color).RunAsync(args);
