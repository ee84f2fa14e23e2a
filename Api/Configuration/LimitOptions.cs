namespace Collaboration.Api.Configuration;

/// <summary>Protective limits (<c>Collaboration:Limits</c>).</summary>
public sealed class LimitOptions
{
    /// <summary>Largest accepted request body; larger is 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Requests each API key (or, without a key, each client address) may make per window.</summary>
    public int RequestsPerWindow { get; set; } = 1200;

    /// <summary>The rate limit's window.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
