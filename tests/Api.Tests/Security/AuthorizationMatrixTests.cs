using System.Net;
using System.Text;
using System.Text.Json;
using Collaboration.Api.Tests.Security.Support;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Security;

/// <summary>
/// Every route of the route table, called with no key, an unknown key, another municipality's key, the resource's own
/// municipality's key and the coordinator's key, each answer checked against the roles in RouteContracts.
/// </summary>
public sealed class AuthorizationMatrixTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    private enum Caller
    {
        None,
        UnknownKey,
        Other,
        Owner,
        Coordinator,
    }

    [Fact]
    public void EveryRouteOfTheRouteTableHasAnAuthorisationContractAndEveryContractARoute()
    {
        var routes = RouteTable.Read(api.Services).Select(r => r.Key).ToHashSet();

        var unlisted = routes.Where(r => !RouteContracts.All.ContainsKey(r)).ToList();
        var stale = RouteContracts.All.Keys.Where(k => !routes.Contains(k)).ToList();

        Assert.True(unlisted.Count == 0, "Routes without an entry in RouteContracts (say who may call them): " + string.Join(", ", unlisted));
        Assert.True(stale.Count == 0, "RouteContracts names routes the app does not map: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task EveryRouteAnswersEachKindOfCallerAsApiMdSays()
    {
        var routes = RouteTable.Read(api.Services).Where(r => RouteContracts.All.ContainsKey(r.Key)).ToList();
        Assert.NotEmpty(routes);
        var shared = await SecurityWorld.CreateAsync(api);

        var failures = new List<string>();
        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(routes.SelectMany(route => Enum.GetValues<Caller>().Select(async caller =>
        {
            await gate.WaitAsync();
            try
            {
                // A refused caller changes nothing; a caller that may write gets a world of its own.
                var contract = RouteContracts.All[route.Key];
                var writes = route.Method != "GET" && Expected(contract, caller) == HttpStatusCode.OK;
                var world = writes ? await SecurityWorld.CreateAsync(api) : shared;
                var failure = await CheckAsync(route, contract, caller, world);
                if (failure is not null)
                {
                    lock (failures)
                    {
                        failures.Add(failure);
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        })));

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Order()));
    }

    /// <summary>OK stands for any 2xx.</summary>
    private static HttpStatusCode Expected(RouteContract contract, Caller caller) => caller switch
    {
        _ when contract.Anonymous => HttpStatusCode.OK,
        Caller.None or Caller.UnknownKey => HttpStatusCode.Unauthorized,
        Caller.Other => Status(contract.Other),
        Caller.Owner => Status(contract.Owner),
        _ => Status(contract.Coordinator),
    };

    private static HttpStatusCode Status(Access access) => access == Access.Allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden;

    private async Task<string?> CheckAsync(ApiRoute route, RouteContract contract, Caller caller, SecurityWorld world)
    {
        using var client = api.CreateClient(caller switch
        {
            Caller.None => null,
            Caller.UnknownKey => "col_" + new string('x', 43),
            Caller.Other => world.OutsiderKey,
            Caller.Owner => world.OwnerKey,
            _ => CollaborationApiFactory.CoordinatorKey,
        });
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), contract.Path(world));
        if (contract.Body?.Invoke(world) is { } body)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, CollaborationApiFactory.Json), Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        // A live stream (Server-Sent Events) never ends: its headers are the answer.
        var text = response.Content.Headers.ContentType?.MediaType == "text/event-stream" ? "" : await response.Content.ReadAsStringAsync();
        var expected = Expected(contract, caller);
        var ok = expected == HttpStatusCode.OK ? response.IsSuccessStatusCode : response.StatusCode == expected;
        if (!ok)
        {
            return $"{route.Key} as {caller}: expected {(expected == HttpStatusCode.OK ? "2xx" : ((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture))}, got {(int)response.StatusCode} {Shorten(text)}";
        }

        if (!response.IsSuccessStatusCode && response.Content.Headers.ContentType is not { MediaType: "application/problem+json" })
        {
            return $"{route.Key} as {caller}: {(int)response.StatusCode} without problem details ({response.Content.Headers.ContentType})";
        }

        return caller == Caller.UnknownKey || caller == Caller.None
            ? CheckChallenge(route, caller, response)
            : null;
    }

    private static string? CheckChallenge(ApiRoute route, Caller caller, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Unauthorized && !response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer")
            ? $"{route.Key} as {caller}: 401 without 'WWW-Authenticate: Bearer'"
            : null;

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
