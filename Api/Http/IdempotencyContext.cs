using System.Security.Cryptography;
using System.Text;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Errors;

namespace Collaboration.Api.Http;

/// <summary>
/// What one request's <c>Idempotency-Key</c> means to the endpoint that handles it (a scoped service, filled in by
/// <see cref="IdempotencyMiddleware"/>).
/// <para>
/// The middleware stores an answer before the client sees it, but a crash can still fall between an endpoint's
/// commit and that store. The retry then runs the endpoint again, so every create must land on the same resource:
/// <see cref="NewId"/> derives a server-assigned id from the key's scope, and <see cref="CreationRequest"/> lets the
/// resource's grain recognise the retry of the request that made it (and answer with the resource, not a 409).
/// An endpoint that assigns ids creates through <see cref="CreateAsync{T}"/>, and its grain's create stores the token it
/// is given and, when it finds itself created with the same token, returns the resource instead of a conflict.
/// </para>
/// </summary>
public sealed class IdempotencyContext([FromKeyedServices(DomainClock.Key)] TimeProvider clock)
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
            return prefix + Guid.CreateVersion7(clock.GetUtcNow()).ToString("N");
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"resource-id\n{prefix}\n{ordinal}\n{Scope}"));
        return prefix + Convert.ToHexStringLower(digest.AsSpan(0, 16));
    }

    /// <summary>
    /// Creates a resource with a server-assigned id: <paramref name="create"/> gets the id (<see cref="NewId"/>) and
    /// the <see cref="CreationRequest"/> to store with the resource. A conflict with a key means the derived id is
    /// taken by another request with the same key whose answer was lost: that is the key reused (422), not a 409.
    /// </summary>
    public async Task<T> CreateAsync<T>(string prefix, Func<string, string?, Task<T>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        try
        {
            return await create(NewId(prefix), CreationRequest);
        }
        catch (ConflictException conflict) when (Scope is not null)
        {
            throw new IdempotencyKeyReusedException(
                "This Idempotency-Key was already used with a different request body. Use a new key for a new request.", conflict);
        }
    }

    internal void Set(string scope, string requestHash)
    {
        Scope = scope;
        CreationRequest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"creation\n{scope}\n{requestHash}")));
    }
}
