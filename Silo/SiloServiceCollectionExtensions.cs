using System.Reflection;
using Collaboration.Silo.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Collaboration.Silo;

/// <summary>Registers the grain runtime. A storage provider is registered separately (AddSqliteStorage, AddMemoryStorage, ...).</summary>
public static class SiloServiceCollectionExtensions
{
    public static IServiceCollection AddSilo(this IServiceCollection services, Action<SiloOptions>? configure = null)
    {
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GrainTypeRegistry>();
        services.TryAddSingleton(sp => new GrainRuntime(
            sp,
            sp.GetRequiredService<GrainTypeRegistry>(),
            sp.GetRequiredService<Storage.IGrainStorage>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<SiloOptions>>(),
            sp.GetService<ILogger<GrainRuntime>>() ?? NullLogger<GrainRuntime>.Instance));
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, SiloHostedService>());
        return services;
    }

    /// <summary>Makes the grain classes of <paramref name="assembly"/> callable.</summary>
    public static IServiceCollection AddGrainsFrom(this IServiceCollection services, Assembly assembly)
    {
        services.Configure<SiloOptions>(options => options.GrainAssemblies.Add(assembly));
        return services;
    }
}
