using System.Security.Claims;
using Collaboration.Api.Configuration;
using Collaboration.Api.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace Collaboration.Api.Security;

/// <summary>
/// Who may open the Orleans dashboard at <c>/orleans</c>: the coordinator, with its key as a bearer token (scripts,
/// curl) or with a session cookie. A browser cannot add a header to a page load or to the dashboard's own requests,
/// so the coordinator's page (<c>/dashboard</c>, which holds the key) posts the key once to
/// <c>POST /orleans/session</c> and gets a cookie for <c>/orleans</c> only: HttpOnly, SameSite=Strict, valid for
/// <see cref="Lifetime"/>, and void as soon as the coordinator's key changes.
/// </summary>
public static class OrleansDashboardSession
{
    /// <summary>The authorization policy of every route under <c>/orleans</c>.</summary>
    public const string Policy = "orleans-dashboard";

    /// <summary>The scheme that reads the bearer key when the request has one, the session cookie otherwise.</summary>
    public const string Scheme = "OrleansDashboard";

    public const string CookieScheme = "OrleansDashboardCookie";

    public const string CookieName = "collaboration-orleans";

    public const string Path = "/orleans";

    private const string KeyStampClaim = "coordinator-key-stamp";

    /// <summary>How long a session lasts from sign-in; it is not extended by use.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public static IServiceCollection AddOrleansDashboardSession(this IServiceCollection services, CollaborationOptions settings)
    {
        // Session cookies are sealed with ASP.NET Core Data Protection; its keys live beside the data, and fronts that
        // share that folder (or a copy of its keys) accept each other's sessions.
        services.AddDataProtection()
            .SetApplicationName("Collaboration")
            .PersistKeysToFileSystem(new DirectoryInfo(System.IO.Path.Combine(settings.DataPath, "data-protection-keys")));

        services.AddAuthentication()
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.Path = Path;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = Lifetime;
                cookie.SlidingExpiration = false;
                cookie.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = RejectWhenTheKeyChangedAsync,
                    OnRedirectToLogin = context => context.HttpContext.RequestServices.GetRequiredService<ProblemWriter>().WriteAsync(
                        context.HttpContext, StatusCodes.Status401Unauthorized,
                        "Open the Orleans dashboard from the coordinator's page (/dashboard), or send the coordinator's key as " +
                        "'Authorization: Bearer <api key>' (POST /orleans/session turns it into a session cookie).",
                        headers: h => h.WWWAuthenticate = "Bearer"),
                    OnRedirectToAccessDenied = context => context.HttpContext.RequestServices.GetRequiredService<ProblemWriter>().WriteAsync(
                        context.HttpContext, StatusCodes.Status403Forbidden, "Only the coordinator may open the Orleans dashboard."),
                };
            })
            .AddPolicyScheme(Scheme, null, scheme => scheme.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 ? ApiKeyAuthenticationHandler.SchemeName : CookieScheme);

        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireRole(Roles.Coordinator));
        return services;
    }

    /// <summary>Starts a session for the coordinator that called (with its bearer key).</summary>
    public static async Task SignInAsync(HttpContext context, CoordinatorKey coordinatorKey)
    {
        var stamp = Stamp(await coordinatorKey.GetHashAsync(context.RequestAborted));
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Role, Roles.Coordinator), new Claim(ClaimTypes.Name, "coordinator"), new Claim(KeyStampClaim, stamp)],
            CookieScheme);
        await context.SignInAsync(CookieScheme, new ClaimsPrincipal(identity), new AuthenticationProperties
        {
            // A browser session's cookie; the ticket inside ends Lifetime after sign-in (the handler's clock), whatever
            // the browser keeps.
            IsPersistent = false,
            AllowRefresh = false,
        });
    }

    private static async Task RejectWhenTheKeyChangedAsync(CookieValidatePrincipalContext context)
    {
        var coordinatorKey = context.HttpContext.RequestServices.GetRequiredService<CoordinatorKey>();
        var current = Stamp(await coordinatorKey.GetHashAsync(context.HttpContext.RequestAborted));
        if (context.Principal?.FindFirstValue(KeyStampClaim) is not { } stamp || !ApiKeys.HashesEqual(stamp, current))
        {
            context.RejectPrincipal();
        }
    }

    /// <summary>Names the key a session was started with without carrying its hash (a hash of the hash, shortened).</summary>
    private static string Stamp(string keyHash) => ApiKeys.Hash(keyHash)[..16];
}
