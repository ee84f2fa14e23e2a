using System.Security.Claims;
using System.Text.Encodings.Web;
using Collaboration.Api.Errors;
using Collaboration.Grains.Access;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Collaboration.Api.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;api key&gt;</c>: the coordinator's key, or a municipality's key looked up by its hash
/// (its grain, or for a moment after that the <see cref="ApiKeyCache"/>).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CoordinatorKey coordinatorKey,
    IGrainFactory grains,
    ApiKeyCache keys,
    ProblemWriter problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const int MaxKeyLength = 256;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <api key>'.");
        }

        var key = header["Bearer ".Length..].Trim();
        if (key.Length is 0 or > MaxKeyLength)
        {
            return AuthenticateResult.Fail("Unknown API key.");
        }

        var hash = ApiKeys.HashOfBearerKey(Context)!;
        if (ApiKeys.HashesEqual(hash, await coordinatorKey.GetHashAsync(Context.RequestAborted)))
        {
            return Success([new Claim(ClaimTypes.Role, Roles.Coordinator), new Claim(ClaimTypes.Name, "coordinator")]);
        }

        // Only keys this server could have issued are looked up: garbage keys cost no storage read and no activation.
        if (!ApiKeys.IsWellFormed(key))
        {
            return AuthenticateResult.Fail("Unknown API key.");
        }

        if (!keys.TryGet(hash, out var municipality))
        {
            var generation = keys.Generation;
            municipality = await grains.GetGrain<IApiKeyGrain>(hash).GetMunicipalityAsync();
            if (municipality is not null)
            {
                keys.Remember(hash, municipality, generation);
            }
        }

        return municipality is null
            ? AuthenticateResult.Fail("Unknown API key.")
            : Success([
                new Claim(ClaimTypes.Role, Roles.Municipality),
                new Claim(Roles.MunicipalityClaim, municipality),
                new Claim(ClaimTypes.Name, municipality),
            ]);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        problems.WriteAsync(Context, StatusCodes.Status401Unauthorized,
            "Send a valid API key as 'Authorization: Bearer <api key>'.",
            headers: h => h.WWWAuthenticate = "Bearer");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        problems.WriteAsync(Context, StatusCodes.Status403Forbidden,
            "This API key does not have the right to do this.");

    private AuthenticateResult Success(Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
}
