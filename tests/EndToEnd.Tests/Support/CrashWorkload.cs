using System.Text;
using System.Text.Json;

namespace Collaboration.EndToEnd.Tests.Support;

/// <summary>
/// Clients writing concurrently, each in its own order (create a partner, update its own profile, draft an agreement),
/// every POST with an Idempotency-Key. A client stops at the first write that gets no answer: the process was killed.
/// Every write and what it was told goes into the <see cref="WriteLedger"/>.
/// </summary>
public sealed class CrashWorkload(ApiProcess api, CrashNetwork network, WriteLedger ledger, int cycle)
{
    /// <summary>Writes each client sends at most per cycle, so that a run ends even if the kill never comes.</summary>
    public int MaxWritesPerClient { get; init; } = 2_000;

    public Task RunAsync() => Task.WhenAll(Enumerable.Range(0, network.Clients).Select(RunClientAsync));

    /// <summary>The write a client makes as its <paramref name="sequence"/>-th of <paramref name="cycle"/> (deterministic).</summary>
    public static LedgerEntry Plan(CrashNetwork network, int cycle, int client, int sequence)
    {
        var key = $"crash-{cycle}-{client}-{sequence}";
        switch (sequence % 5)
        {
            case 0:
            {
                var id = $"cm-{cycle}-{client}-{sequence}";
                var body = JsonSerializer.Serialize(new { id, name = $"Created {cycle}.{client}.{sequence}", country = "HR" });
                return new LedgerEntry(WriteKind.CreateMunicipality, cycle, client, sequence, "POST", "/municipalities", body, key, id);
            }

            case 1:
            {
                var name = $"Crash town {client} v{cycle}.{sequence}";
                var body = JsonSerializer.Serialize(new { name, country = client % 2 == 0 ? "SI" : "IT", region = $"r{sequence}" });
                return new LedgerEntry(WriteKind.UpdateProfile, cycle, client, sequence, "PUT", $"/municipalities/{network.Partners[client]}", body, null, name);
            }

            case 2:
            {
                var title = $"Crash agreement {cycle}.{client}.{sequence}";
                var parties = new[] { network.Partners[client], network.Partners[(client + 1) % network.Clients] };
                var body = JsonSerializer.Serialize(new { title, areas = new[] { "culture" }, parties, text = "We cooperate." });
                return new LedgerEntry(WriteKind.DraftAgreement, cycle, client, sequence, "POST", "/agreements", body, key, title);
            }

            case 3:
            {
                var title = $"Crash practice {cycle}.{client}.{sequence}";
                var body = JsonSerializer.Serialize(new { kind = "goodPractice", title, summary = "Written under a crash test.", themes = new[] { "durability" } });
                return new LedgerEntry(WriteKind.PostExchange, cycle, client, sequence, "POST", "/exchanges", body, key, title);
            }

            default:
            {
                var title = $"Crash event {cycle}.{client}.{sequence}";
                var body = JsonSerializer.Serialize(new
                {
                    title,
                    kind = "workshop",
                    host = network.Partners[client],
                    place = "Novo mesto",
                    startDate = "2026-05-04",
                    endDate = "2026-05-05",
                    description = "to write under a crash test",
                });
                return new LedgerEntry(WriteKind.CreateEvent, cycle, client, sequence, "POST", $"/projects/{CrashNetwork.ProjectId(cycle)}/events", body, key, title);
            }
        }
    }

    /// <summary>Sends one planned write and records its outcome; false when it got no answer.</summary>
    public static async Task<bool> SendAsync(HttpClient client, LedgerEntry entry, WriteLedger ledger)
    {
        using var request = new HttpRequestMessage(new HttpMethod(entry.Method), entry.Path)
        {
            Content = new StringContent(entry.Body, Encoding.UTF8, "application/json"),
        };
        if (entry.IdempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", entry.IdempotencyKey);
        }

        try
        {
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                ledger.Acknowledge(entry, (int)response.StatusCode, text);
            }
            else
            {
                entry.Status = (int)response.StatusCode;
                entry.Error = text;
                entry.Outcome = WriteOutcome.Refused;
            }

            return true;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            entry.Error = e.GetType().Name;
            entry.Outcome = WriteOutcome.Unacknowledged;
            return false;
        }
    }

    private async Task RunClientAsync(int client)
    {
        // The partner's own key for its profile and agreements; the coordinator's to register partners.
        using var own = api.CreateClient(network.Keys[client]);
        using var coordinator = api.CreateClient(ApiProcess.CoordinatorKey);
        for (var sequence = 0; sequence < MaxWritesPerClient; sequence++)
        {
            var entry = Plan(network, cycle, client, sequence);
            ledger.Add(entry);
            if (!await SendAsync(entry.Kind == WriteKind.CreateMunicipality ? coordinator : own, entry, ledger))
            {
                return;
            }
        }
    }
}
