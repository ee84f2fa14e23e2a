using System.Reflection;
using Collaboration.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Silo.Runtime;

/// <summary>How to create one grain class: its type name and a compiled factory that injects its persistent states.</summary>
internal sealed class GrainClassInfo
{
    private readonly ObjectFactory _factory;
    private readonly StateParameter[] _states;

    public GrainClassInfo(Type grainClass)
    {
        GrainClass = grainClass;
        TypeName = grainClass.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? DefaultTypeName(grainClass);

        var constructor = grainClass.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"Grain class {grainClass} has no public constructor.");
        _states = constructor.GetParameters()
            .Where(p => p.ParameterType.IsGenericType && p.ParameterType.GetGenericTypeDefinition() == typeof(IPersistentState<>))
            .Select(p => new StateParameter(
                p.ParameterType.GetGenericArguments()[0],
                p.GetCustomAttribute<PersistentStateAttribute>()?.StateName ?? "state"))
            .ToArray();
        var duplicate = _states.GroupBy(s => s.StateName).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Grain class {grainClass} has two persistent states named '{duplicate.Key}'.");
        }

        _factory = ActivatorUtilities.CreateFactory(grainClass, _states.Select(s => typeof(IPersistentState<>).MakeGenericType(s.StateType)).ToArray());
    }

    public Type GrainClass { get; }

    public string TypeName { get; }

    /// <summary>Creates the grain and the persistent states it asked for, unread.</summary>
    public (Grain Grain, IPersistentStateLoader[] States) Create(IServiceProvider services, GrainId grainId, IGrainStorage storage)
    {
        var states = new IPersistentStateLoader[_states.Length];
        for (var i = 0; i < _states.Length; i++)
        {
            var stateType = typeof(PersistentState<>).MakeGenericType(_states[i].StateType);
            var id = new GrainStateId(grainId.Type, grainId.Key, _states[i].StateName);
            states[i] = (IPersistentStateLoader)Activator.CreateInstance(stateType, id, grainId, storage)!;
        }

        var grain = (Grain)_factory(services, states);
        return (grain, states);
    }

    private static string DefaultTypeName(Type grainClass)
    {
        var name = grainClass.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }

    private sealed record StateParameter(Type StateType, string StateName);
}
