using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Silo.Hosting;

public static class CachedGrainInterfaceTypesExtensions
{
    /// <summary>
    /// Puts <see cref="CachedGrainInterfaceTypes"/> ahead of Orleans's own providers (the resolver asks them in
    /// registration order); for silos and clients alike.
    /// </summary>
    public static IServiceCollection AddCachedGrainInterfaceTypes(this IServiceCollection services)
    {
        services.Insert(0, ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider, CachedGrainInterfaceTypes>());
        return services;
    }
}
