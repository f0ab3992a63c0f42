using Forensics.Cli;

return ForensicsCommandLine.Run(args, Console.Out, Console.Error);
