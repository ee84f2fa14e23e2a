namespace Collaboration.Api.Tests.Security.Support;

/// <summary>What a caller may do on a route: answered 2xx, or refused 403 (and, for no key or an unknown key, 401).</summary>
public enum Access
{
    Allowed,
    Forbidden,
}
