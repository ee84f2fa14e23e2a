using System.Collections.Frozen;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace Collaboration.Silo.Runtime;

/// <summary>Maps each grain interface to the one grain class that implements it, found by scanning the configured assemblies.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly FrozenDictionary<Type, GrainClassInfo> _byInterface;

    public GrainTypeRegistry(IOptions<SiloOptions> options)
    {
        var byInterface = new Dictionary<Type, GrainClassInfo>();
        var byTypeName = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var grainClass in options.Value.GrainAssemblies.Distinct().SelectMany(LoadableTypes)
                     .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(Grain))))
        {
            var info = new GrainClassInfo(grainClass);
            if (byTypeName.TryGetValue(info.TypeName, out var other))
            {
                throw new InvalidOperationException($"Grain classes {other} and {grainClass} share the grain type name '{info.TypeName}'.");
            }

            byTypeName[info.TypeName] = grainClass;
            foreach (var grainInterface in grainClass.GetInterfaces().Where(IsGrainInterface))
            {
                if (byInterface.TryGetValue(grainInterface, out var existing))
                {
                    throw new InvalidOperationException($"Grain interface {grainInterface} is implemented by both {existing.GrainClass} and {grainClass}.");
                }

                GrainMethodInvoker.Validate(grainInterface);
                byInterface[grainInterface] = info;
            }
        }

        _byInterface = byInterface.ToFrozenDictionary();
    }

    public GrainClassInfo Resolve(Type grainInterface) =>
        _byInterface.TryGetValue(grainInterface, out var info)
            ? info
            : throw new InvalidOperationException($"No grain class implements {grainInterface}. Add its assembly with AddGrainsFrom.");

    private static bool IsGrainInterface(Type type) =>
        type != typeof(IGrainWithStringKey) && type != typeof(IGrain) && typeof(IGrainWithStringKey).IsAssignableFrom(type);

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
