using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;

namespace Collaboration.Silo.Hosting;

/// <summary>
/// Orleans works out a grain interface's <see cref="GrainInterfaceType"/> on every <c>GetGrain</c> call, reading the
/// interface's attributes and formatting its name each time; that was about 4% of a posted exchange's CPU. This
/// provider, asked first, answers from a cache what Orleans's own providers (and its naming convention) answered
/// the first time, so the result is exactly Orleans's.
/// </summary>
public sealed class CachedGrainInterfaceTypes(IServiceProvider services) : IGrainInterfaceTypeProvider
{
    // Set while Orleans's resolver computes the answer to cache, so that it then skips this provider.
    [ThreadStatic]
    private static bool t_resolving;

    private readonly ConcurrentDictionary<Type, GrainInterfaceType> _known = new();

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        if (_known.TryGetValue(type, out grainInterfaceType))
        {
            return true;
        }

        if (t_resolving)
        {
            return false;
        }

        t_resolving = true;
        try
        {
            grainInterfaceType = services.GetRequiredService<GrainInterfaceTypeResolver>().GetGrainInterfaceType(type);
        }
        finally
        {
            t_resolving = false;
        }

        _known.TryAdd(type, grainInterfaceType);
        return true;
    }
}
