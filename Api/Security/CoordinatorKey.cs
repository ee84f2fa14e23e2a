using Collaboration.Api.Configuration;
using Collaboration.Grains.Access;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Collaboration.Api.Security;

/// <summary>
/// The coordinator key's hash: from configuration when a key is configured; otherwise generated on first start,
/// its hash stored, and the key written once to <c>coordinator.key</c> in the data folder for the operator.
/// </summary>
public sealed partial class CoordinatorKey(
    IOptions<CollaborationOptions> options,
    IGrainFactory grains,
    ILogger<CoordinatorKey> logger)
{
    public const string FileName = "coordinator.key";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _hash;

    public async ValueTask<string> GetHashAsync(CancellationToken cancellationToken = default)
    {
        if (_hash is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _hash ??= await LoadOrCreateAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string> LoadOrCreateAsync()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.CoordinatorKey))
        {
            return ApiKeys.Hash(options.Value.CoordinatorKey.Trim());
        }

        var credential = grains.GetGrain<ICoordinatorCredentialGrain>(ICoordinatorCredentialGrain.Key);
        var path = Path.GetFullPath(Path.Combine(options.Value.DataPath, FileName));
        if (await credential.GetKeyHashAsync() is { } stored)
        {
            LogKeyInForce(path);
            return stored;
        }

        var key = ApiKeys.Generate();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Written before the hash is stored: if we crash in between, the next start makes a new key and file.
        await File.WriteAllTextAsync(path, key + Environment.NewLine);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var hash = await credential.InitializeAsync(ApiKeys.Hash(key));
        if (!ApiKeys.HashesEqual(hash, ApiKeys.Hash(key)))
        {
            // Another front of the cluster, starting at the same moment, stored the key it generated first: ours is no key.
            File.Delete(path);
            LogKeyGeneratedElsewhere(path);
            return hash;
        }

        LogKeyGenerated(path);
        return hash;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No coordinator key configured: generated one and wrote it to {Path}")]
    private partial void LogKeyGenerated(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No coordinator key configured: another front of the cluster generated it first and wrote it to its own data folder; {Path} was removed. Configure Collaboration:CoordinatorKey on every front of a cluster")]
    private partial void LogKeyGeneratedElsewhere(string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "No coordinator key configured: using the generated key stored in {Path}")]
    private partial void LogKeyInForce(string path);
}
