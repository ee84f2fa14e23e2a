namespace Collaboration.Api.Tests.Security.Support;

/// <summary>
/// What the contract says about one route: who may call it, and a valid request for it in a <see cref="SecurityWorld"/>
/// (its path and body), so that a refusal can only come from the caller's rights.
/// </summary>
public sealed record RouteContract(string Key, Func<SecurityWorld, string> Path, Func<SecurityWorld, object?>? Body = null)
{
    /// <summary>Answers without a key (health, readiness, the OpenAPI document, the dashboard page).</summary>
    public bool Anonymous { get; init; }

    public Access Coordinator { get; init; } = Access.Allowed;

    /// <summary>The resource's own municipality: itself, the project's lead, an agreement's (signing) party.</summary>
    public Access Owner { get; init; } = Access.Allowed;

    /// <summary>A municipality with no part in the resource.</summary>
    public Access Other { get; init; } = Access.Allowed;
}
