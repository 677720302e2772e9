using CertPrep.Authoring;

return AuthoringCli.Run(args, Console.Out, Console.Error);
