using System.Text.Json;
using Collaboration.Grains.Access;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Exchanges;
using Collaboration.Silo;
using Collaboration.Silo.Indexing;
using Collaboration.Silo.Runtime;
using Collaboration.Silo.Storage;
using Collaboration.Silo.Storage.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Grains.Tests.Exchanges.Support;

/// <summary>
/// A grain runtime over memory storage with the domain's grains, a test clock, and the partner facts that
/// exchanges read (municipalities with their country, projects with their partners) published as index documents.
/// </summary>
public sealed class ExchangeSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly MemoryStorage _storage;

    public ExchangeSilo()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddMemoryStorage();
        services.AddSilo().AddGrainsFrom(typeof(ExchangeGrain).Assembly);
        _services = services.BuildServiceProvider();
        _storage = _services.GetRequiredService<MemoryStorage>();
        Runtime = _services.GetRequiredService<GrainRuntime>();
        Catalog = new ExchangeCatalog(Runtime, _storage);
    }

    public TestClock Clock { get; } = new();

    public GrainRuntime Runtime { get; }

    public IGrainFactory Grains => Runtime;

    public IGrainIndex Index => _storage;

    public ExchangeCatalog Catalog { get; }

    /// <summary>Publishes a municipality as the municipalities index carries it (document id, country term, payload).</summary>
    public async Task AddMunicipalityAsync(string id, string country)
    {
        var stateId = new GrainStateId("test-municipality", id, "profile");
        var existing = await _storage.ReadAsync(stateId);
        var payload = JsonSerializer.Serialize(new { id, name = id, country }, GrainStateSerializer.Options);
        await _storage.WriteAsync(stateId, "{}"u8.ToArray(), existing?.ETag,
        [
            new IndexEntry("municipalities", id) { Terms = [new IndexTerm("country", country)], Payload = payload },
        ]);
    }

    /// <summary>Publishes a project with its partners as the projects index carries it (term partner=&lt;id&gt;).</summary>
    public Task AddProjectAsync(string id, params string[] partners) =>
        _storage.WriteAsync(new GrainStateId("test-project", id, "project"), "{}"u8.ToArray(), null,
        [
            new IndexEntry("projects", id) { Terms = [.. partners.Select(p => new IndexTerm("partner", p))], Payload = "{}" },
        ]);

    public Task<ExchangeRecord> PostAsync(
        string author,
        string title = "Local partnership with NGOs",
        ExchangeKind kind = ExchangeKind.GoodPractice,
        string[]? themes = null,
        string summary = "How a town and its NGOs integrate newcomers together.",
        string? body = null,
        string? projectId = null) =>
        Grains.GetGrain<IExchangeGrain>(ExchangeIds.NewExchangeId())
            .PostAsync(Actor.Municipality(author), new NewExchange(kind, title, summary, body, themes ?? ["integration"], projectId));

    public Task<AdoptionRecord> AdoptAsync(string exchangeId, string municipalityId, AdoptionStatus status, string? note = null) =>
        Grains.GetGrain<IAdoptionGrain>(ExchangeIds.AdoptionKey(exchangeId, municipalityId))
            .SetStatusAsync(Actor.Municipality(municipalityId), status, note);

    public Task<ReplyRecord> ReplyAsync(string exchangeId, string author, string body) =>
        Grains.GetGrain<IReplyGrain>(ExchangeIds.NewReplyId()).PostAsync(Actor.Municipality(author), exchangeId, body);

    public Task<IReadOnlyList<ActivityRecord>> ActivityAsync() =>
        Grains.GetGrain<IActivityLogGrain>(IActivityLogGrain.Key).ReadAsync(0, 1000);

    public async ValueTask DisposeAsync()
    {
        await Runtime.StopAsync();
        await _services.DisposeAsync();
    }
}
