using Collaboration.Silo.Hosting;
using Collaboration.Silo.Storage.Sqlite;
using Collaboration.Silo.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collaboration.Silo;

/// <summary>A silo on its own (<c>dotnet run --project Silo</c>): Api processes in client mode connect to its gateway.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Settings ship beside the binary, so the working directory only decides where ./data is.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        // No settings file of its own (it would be copied over the Api's, which references this project): the defaults
        // are in the options classes, and every setting can be given on the command line or in the environment.
        builder.Logging.AddFilter("Orleans", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning);
        builder.UseOrleans(silo => silo.AddCollaborationSilo(builder.Configuration));
        // A silo on its own has no HTTP port for /metrics: with an OTLP endpoint it pushes traces, logs and metrics.
        builder.AddCollaborationTelemetry("collaboration-silo");
        using var host = builder.Build();
        try
        {
            await host.RunAsync();
        }
        catch (DataFolderInUseException exception)
        {
            // Not a crash: a second server was started on a folder that has one. Say so, without a stack trace.
            await Console.Error.WriteLineAsync(exception.Message);
            return 1;
        }

        return 0;
    }
}
