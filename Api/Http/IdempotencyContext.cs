using System.Security.Cryptography;
using System.Text;

namespace Collaboration.Api.Http;

/// <summary>
/// What one request's <c>Idempotency-Key</c> means to the endpoint that handles it (a scoped service, filled in by
/// <see cref="IdempotencyMiddleware"/>).
/// <para>
/// The middleware stores an answer before the client sees it, but a crash can still fall between an endpoint's
/// commit and that store. The retry then runs the endpoint again, so every create must land on the same resource:
/// <see cref="NewId"/> derives a server-assigned id from the key's scope, and <see cref="CreationRequest"/> lets the
/// resource's grain recognise the retry of the request that made it (and answer with the resource, not a 409).
/// Endpoints that assign ids call <see cref="NewId"/> and pass <see cref="CreationRequest"/> to the create; that is all.
/// </para>
/// </summary>
public sealed class IdempotencyContext
{
    /// <summary>The hash of (caller, route, key); null when the request carries no Idempotency-Key.</summary>
    public string? Scope { get; private set; }

    /// <summary>The hash of (scope, request body): the same for a retry of this very request, and for nothing else.</summary>
    public string? CreationRequest { get; private set; }

    /// <summary>
    /// A new id <paramref name="prefix"/> + 32 lowercase hex digits: random (time-ordered, version 7 GUID) without an
    /// Idempotency-Key, derived from the key's scope with one, so that a retry targets the same grain. One id per
    /// prefix per request: a second resource of the same kind in one request would need a <paramref name="ordinal"/>.
    /// </summary>
    public string NewId(string prefix, int ordinal = 0)
    {
        if (Scope is null)
        {
            return prefix + Guid.CreateVersion7().ToString("N");
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"resource-id\n{prefix}\n{ordinal}\n{Scope}"));
        return prefix + Convert.ToHexStringLower(digest.AsSpan(0, 16));
    }

    internal void Set(string scope, string requestHash)
    {
        Scope = scope;
        CreationRequest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"creation\n{scope}\n{requestHash}")));
    }
}
