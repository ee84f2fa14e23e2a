using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Collaboration.Silo.Runtime;

/// <summary>
/// Calls one grain interface method on an activation through a compiled delegate (no reflection per call),
/// inside the runtime's turn-based scheduling.
/// </summary>
internal abstract class GrainMethodInvoker
{
    private static readonly ConcurrentDictionary<MethodInfo, GrainMethodInvoker> Cache = new();

    public static GrainMethodInvoker For(MethodInfo method) => Cache.GetOrAdd(method, Create);

    /// <summary>Refuses, at registration, interfaces the runtime cannot call.</summary>
    public static void Validate(Type grainInterface)
    {
        foreach (var method in grainInterface.GetMethods().Concat(grainInterface.GetInterfaces().SelectMany(i => i.GetMethods())))
        {
            var type = method.ReturnType;
            if (type != typeof(Task) && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>)))
            {
                throw new InvalidOperationException($"Grain method {grainInterface.Name}.{method.Name} must return Task or Task<T>, not {type.Name}.");
            }

            if (method.IsGenericMethodDefinition)
            {
                throw new InvalidOperationException($"Grain method {grainInterface.Name}.{method.Name} must not be generic.");
            }
        }
    }

    public abstract object Invoke(GrainRuntime runtime, GrainClassInfo grainClass, string key, object?[]? args);

    private static GrainMethodInvoker Create(MethodInfo method)
    {
        var returnType = method.ReturnType;
        var interleave = method.IsDefined(typeof(AlwaysInterleaveAttribute), inherit: false);
        if (returnType == typeof(Task))
        {
            var call = Compile<Task>(method);
            return new ResultInvoker<bool>(
                async (grain, args) =>
                {
                    await call(grain, args);
                    return true;
                },
                interleave);
        }

        var resultType = returnType.GetGenericArguments()[0];
        var compile = typeof(GrainMethodInvoker).GetMethod(nameof(Compile), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(returnType);
        var typedCall = compile.Invoke(null, [method])!;
        return (GrainMethodInvoker)Activator.CreateInstance(typeof(ResultInvoker<>).MakeGenericType(resultType), typedCall, interleave)!;
    }

    private static Func<object, object?[]?, TTask> Compile<TTask>(MethodInfo method)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var parameters = method.GetParameters()
            .Select((p, i) => Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType));
        var call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, parameters);
        return Expression.Lambda<Func<object, object?[]?, TTask>>(Expression.Convert(call, typeof(TTask)), grain, args).Compile();
    }

    private sealed class ResultInvoker<TResult>(Func<object, object?[]?, Task<TResult>> call, bool interleave) : GrainMethodInvoker
    {
        public override object Invoke(GrainRuntime runtime, GrainClassInfo grainClass, string key, object?[]? args) =>
            interleave ? runtime.InvokeInterleavedAsync(grainClass, key, call, args) : runtime.InvokeAsync(grainClass, key, call, args);
    }
}
