using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Collaboration.Api.Security;

/// <summary>
/// Which municipality a key hash belongs to, remembered for <see cref="Lifetime"/> so that most requests cost no grain
/// call for their key. A key revoked through this process is forgotten as soon as the revocation returns
/// (<see cref="Forget"/>); one revoked through another front is forgotten when its activity record reaches this process
/// (<see cref="ApiKeyCacheEviction"/>), and in any case once its entry expires.
/// </summary>
public sealed class ApiKeyCache(TimeProvider time)
{
    /// <summary>How long a looked-up key is trusted without asking its grain again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    // Far more than a network has partners; beyond it the cache starts over rather than grow.
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>Taken before a lookup and given to <see cref="Remember"/>, so that a lookup older than a revocation is not kept.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string keyHash, [NotNullWhen(true)] out string? municipalityId)
    {
        if (_entries.TryGetValue(keyHash, out var entry) && time.GetTimestamp() < entry.ExpiresAt)
        {
            municipalityId = entry.MunicipalityId;
            return true;
        }

        municipalityId = null;
        return false;
    }

    /// <summary>Keeps a lookup's answer, unless a key was revoked since <paramref name="generation"/>.</summary>
    public void Remember(string keyHash, string municipalityId, long generation)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var expiresAt = time.GetTimestamp() + (long)(Lifetime.TotalSeconds * time.TimestampFrequency);
        _entries[keyHash] = new Entry(municipalityId, expiresAt);

        // Checked after the store: a Forget that raced with it either ran before (seen here) or removes it.
        if (Generation != generation)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(keyHash, new Entry(municipalityId, expiresAt)));
        }
    }

    /// <summary>Forgets every key of a municipality (its key was revoked or replaced).</summary>
    public void Forget(string municipalityId)
    {
        Interlocked.Increment(ref _generation);
        foreach (var (hash, entry) in _entries)
        {
            if (entry.MunicipalityId == municipalityId)
            {
                _entries.TryRemove(hash, out _);
            }
        }
    }

    /// <summary>Forgets everything (the activity that would have said what to forget may have been missed).</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private readonly record struct Entry(string MunicipalityId, long ExpiresAt);
}
