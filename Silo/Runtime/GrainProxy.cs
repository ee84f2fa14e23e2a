using System.Reflection;

namespace Collaboration.Silo.Runtime;

/// <summary>A grain reference: the interface a caller holds, forwarding each call to the runtime.</summary>
internal class GrainProxy : DispatchProxy
{
    private GrainRuntime? _runtime;
    private GrainClassInfo? _grainClass;
    private string _key = "";

    internal GrainId GrainId => new(_grainClass!.TypeName, _key);

    /// <summary>A copy of this proxy (of the same generated type) bound to one grain.</summary>
    internal GrainProxy Bound(GrainRuntime runtime, GrainClassInfo grainClass, string key)
    {
        var proxy = (GrainProxy)MemberwiseClone();
        proxy._runtime = runtime;
        proxy._grainClass = grainClass;
        proxy._key = key;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.DeclaringType == typeof(object))
        {
            return targetMethod.Invoke(this, args);
        }

        return GrainMethodInvoker.For(targetMethod).Invoke(_runtime!, _grainClass!, _key, args);
    }

    public override string ToString() => $"GrainReference:{GrainId}";
}
