using System.Collections.Concurrent;
using System.Reflection;
using Collaboration.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collaboration.Silo.Runtime;

/// <summary>
/// The single-process grain runtime: activates a grain on its first call, runs one call at a time per
/// activation, refuses call cycles, collects idle activations and deactivates everything on shutdown.
/// </summary>
public sealed partial class GrainRuntime : IGrainFactory, IAsyncDisposable
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly ConcurrentDictionary<Type, object> _proxyTemplates = new();
    private readonly IServiceProvider _services;
    private readonly GrainTypeRegistry _registry;
    private readonly IGrainStorage _storage;
    private readonly SiloOptions _options;
    private readonly ILogger<GrainRuntime> _logger;
    private readonly Lock _timerLock = new();
    private ITimer? _collectionTimer;
    private volatile bool _stopping;

    internal GrainRuntime(
        IServiceProvider services,
        GrainTypeRegistry registry,
        IGrainStorage storage,
        TimeProvider timeProvider,
        IOptions<SiloOptions> options,
        ILogger<GrainRuntime> logger)
    {
        _services = services;
        _registry = registry;
        _storage = storage;
        TimeProvider = timeProvider;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>The clock that ages activations.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>How many activations are alive now.</summary>
    public int ActivationCount => _activations.Count;

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        var grainClass = _registry.Resolve(typeof(TGrainInterface));
        // A shallow copy of one proxy made per interface: DispatchProxy.Create goes through reflection every time.
        var template = (GrainProxy)_proxyTemplates.GetOrAdd(typeof(TGrainInterface), static _ => DispatchProxy.Create<TGrainInterface, GrainProxy>());
        return (TGrainInterface)(object)template.Bound(this, grainClass, primaryKey);
    }

    /// <summary>Starts the periodic collection of idle activations.</summary>
    public void Start()
    {
        lock (_timerLock)
        {
            _collectionTimer ??= TimeProvider.CreateTimer(
                static state => _ = ((GrainRuntime)state!).CollectIdleActivationsAsync(),
                this,
                _options.CollectionQuantum,
                _options.CollectionQuantum);
        }
    }

    /// <summary>Deactivates every activation idle for at least the collection age; busy ones are left alone.</summary>
    /// <returns>How many were collected.</returns>
    public async Task<int> CollectIdleActivationsAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = TimeProvider.GetUtcNow().UtcTicks - _options.CollectionAge.Ticks;
        var collected = 0;
        foreach (var activation in _activations.Values)
        {
            if (activation.LastUsedTicks > cutoff || !activation.Gate.Wait(0))
            {
                continue;
            }

            try
            {
                if (activation.Status == ActivationStatus.Active && activation.LastUsedTicks <= cutoff)
                {
                    await DeactivateLockedAsync(activation, DeactivationReason.IdleCollection, cancellationToken);
                    collected++;
                }
            }
            finally
            {
                activation.Gate.Release();
            }
        }

        if (collected > 0)
        {
            LogCollected(collected, _activations.Count);
        }

        return collected;
    }

    /// <summary>Refuses new calls, lets running calls finish (up to the shutdown timeout) and deactivates every activation.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        _stopping = true;
        lock (_timerLock)
        {
            _collectionTimer?.Dispose();
            _collectionTimer = null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ShutdownTimeout);
        await Parallel.ForEachAsync(_activations.Values, timeout.Token, async (activation, ct) =>
        {
            var entered = false;
            try
            {
                await activation.Gate.WaitAsync(ct);
                entered = true;
            }
            catch (OperationCanceledException)
            {
                LogShutdownTimeout(activation.GrainId);
            }

            try
            {
                if (activation.Status == ActivationStatus.Active)
                {
                    await DeactivateLockedAsync(activation, DeactivationReason.ShuttingDown, CancellationToken.None);
                }
            }
            finally
            {
                if (entered)
                {
                    activation.Gate.Release();
                }
            }
        });
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    internal async Task<TResult> InvokeAsync<TResult>(
        GrainClassInfo grainClass,
        string key,
        Func<object, object?[]?, Task<TResult>> call,
        object?[]? args)
    {
        var grainId = new GrainId(grainClass.TypeName, key);
        var cycle = CallChain.FindCycle(CallChain.Current, grainId);
        if (cycle is not null)
        {
            throw new GrainCallCycleException(cycle);
        }

        while (true)
        {
            var activation = GetOrCreateActivation(grainId, grainClass);
            await activation.Gate.WaitAsync();
            try
            {
                if (activation.Status == ActivationStatus.Deactivated)
                {
                    // Collected between lookup and entry: look up (and so create) a fresh activation.
                    continue;
                }

                if (activation.Status == ActivationStatus.Created)
                {
                    await ActivateLockedAsync(activation);
                }

                CallChain.Enter(grainId);
                try
                {
                    return await call(activation.Instance!, args);
                }
                catch (Exception e) when (e is StorageUnavailableException or InconsistentStateException)
                {
                    // A grain changes its state, then writes it: a failed write leaves memory ahead of storage, and the
                    // next call would show a change the caller was told did not happen. Reload from storage instead.
                    activation.DeactivateOnIdleRequested = true;
                    throw;
                }
                finally
                {
                    activation.LastUsedTicks = TimeProvider.GetUtcNow().UtcTicks;
                    if (activation.DeactivateOnIdleRequested)
                    {
                        await DeactivateLockedAsync(activation, DeactivationReason.Requested, CancellationToken.None);
                    }
                }
            }
            finally
            {
                activation.Gate.Release();
            }
        }
    }

    /// <summary>
    /// An [AlwaysInterleave] call: it waits for the gate only to activate the grain, then runs beside the grain's
    /// turns. It cannot wait on itself, so it closes no cycle.
    /// </summary>
    internal async Task<TResult> InvokeInterleavedAsync<TResult>(
        GrainClassInfo grainClass,
        string key,
        Func<object, object?[]?, Task<TResult>> call,
        object?[]? args)
    {
        var grainId = new GrainId(grainClass.TypeName, key);
        while (true)
        {
            var activation = GetOrCreateActivation(grainId, grainClass);
            if (activation.Status != ActivationStatus.Active)
            {
                await activation.Gate.WaitAsync();
                try
                {
                    if (activation.Status == ActivationStatus.Created)
                    {
                        await ActivateLockedAsync(activation);
                    }
                }
                finally
                {
                    activation.Gate.Release();
                }
            }

            if (activation.Instance is not { } instance)
            {
                // Deactivated between lookup and call: look up (and so create) a fresh activation.
                continue;
            }

            CallChain.Enter(grainId);
            try
            {
                return await call(instance, args);
            }
            finally
            {
                activation.LastUsedTicks = TimeProvider.GetUtcNow().UtcTicks;
            }
        }
    }

    /// <summary>The activation calls should enter, created (not yet activated) when there is none; refused once stopping.</summary>
    private ActivationData GetOrCreateActivation(GrainId grainId, GrainClassInfo grainClass)
    {
        if (_stopping)
        {
            throw new InvalidOperationException($"The silo is shutting down; {grainId} cannot be called.");
        }

        return _activations.GetOrAdd(
            grainId,
            static (id, state) => new ActivationData(id, state.Runtime, state.GrainClass),
            (Runtime: this, GrainClass: grainClass));
    }

    private async Task ActivateLockedAsync(ActivationData activation)
    {
        try
        {
            var (grain, states) = activation.GrainClass.Create(_services, activation.GrainId, _storage);
            grain.Attach(activation);
            foreach (var state in states)
            {
                await state.ReadStateAsync(CancellationToken.None);
            }

            await grain.OnActivateAsync(CancellationToken.None);
            activation.Instance = grain;
            activation.Status = ActivationStatus.Active;
            activation.LastUsedTicks = TimeProvider.GetUtcNow().UtcTicks;
        }
        catch
        {
            // A failed activation leaves nothing behind; the next call tries afresh.
            activation.Status = ActivationStatus.Deactivated;
            _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));
            throw;
        }
    }

    private async Task DeactivateLockedAsync(ActivationData activation, DeactivationReason reason, CancellationToken cancellationToken)
    {
        activation.Status = ActivationStatus.Deactivated;
        _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));
        var grain = activation.Instance;
        activation.Instance = null;
        if (grain is null)
        {
            return;
        }

        try
        {
            await grain.OnDeactivateAsync(reason, cancellationToken);
        }
        catch (Exception e)
        {
            LogDeactivationFailed(e, activation.GrainId);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Collected {Collected} idle activations; {Remaining} remain")]
    private partial void LogCollected(int collected, int remaining);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown timed out waiting for {GrainId}; deactivating it anyway")]
    private partial void LogShutdownTimeout(GrainId grainId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OnDeactivateAsync of {GrainId} failed")]
    private partial void LogDeactivationFailed(Exception exception, GrainId grainId);
}
