using System.Security.Claims;
using Collaboration.Grains.Access;

namespace Collaboration.Api.Security;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The domain's view of an authenticated caller.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Coordinator)
            ? Actor.Coordinator
            : Actor.Municipality(user.FindFirstValue(Roles.MunicipalityClaim)
                ?? throw new InvalidOperationException("An authenticated caller is either the coordinator or a partner."));
}
