using System.Net;
using System.Text.Json;

namespace Collaboration.EndToEnd.Tests.Support;

/// <summary>
/// After a restart: every acknowledged write is there exactly once (lost and duplicated are counted, not thrown, so a
/// long run reports them all), the unacknowledged ones are retried with their Idempotency-Keys, and acknowledged POSTs
/// replay their first answer.
/// </summary>
public sealed class DurabilityCheck(ApiProcess api, CrashNetwork network, WriteLedger ledger)
{
    private const int ReplaySample = 20;

    public async Task<DurabilityReport> VerifyCycleAsync(int cycle)
    {
        var problems = new List<string>();
        var thisCycle = ledger.Entries.Where(e => e.Cycle == cycle).ToList();
        var unacknowledged = thisCycle.Where(e => e.Outcome is WriteOutcome.Unacknowledged or WriteOutcome.Pending).ToList();
        var acknowledgedSoFar = ledger.Entries.Count(e => e.Outcome == WriteOutcome.Acknowledged);
        var acknowledgedThisCycle = thisCycle.Count(e => e.Outcome == WriteOutcome.Acknowledged);
        problems.AddRange(thisCycle.Where(e => e.Outcome == WriteOutcome.Refused).Select(e => $"refused during load: {e}"));

        // 1. Before any retry: what was acknowledged is there once; what was in flight is there at most once.
        var before = await ReadStateAsync();
        var (lost, _) = Compare(before, problems, mustExist: []);
        var applied = unacknowledged.Count(e => before.IsApplied(e));

        // 2. Retry what got no answer, as a client would: the same request with the same key.
        using var coordinator = api.CreateClient(ApiProcess.CoordinatorKey);
        var own = network.Keys.Select(k => api.CreateClient(k)).ToList();
        try
        {
            foreach (var entry in unacknowledged.OrderBy(e => e.Client).ThenBy(e => e.Sequence))
            {
                var client = entry.Kind == WriteKind.CreateMunicipality ? coordinator : own[entry.Client];
                if (!await CrashWorkload.SendAsync(client, entry, ledger) || entry.Outcome != WriteOutcome.Acknowledged)
                {
                    problems.Add($"retry after restart was not acknowledged: {entry}");
                }
                else if (entry.Kind == WriteKind.CreateMunicipality && !await KeyWorksAsync(entry))
                {
                    problems.Add($"the key answered to a retried creation does not work: {entry}");
                }
            }

            // 3. Acknowledged POSTs replay their first answer from storage (the records survived the kill too).
            var replays = thisCycle
                .Where(e => e.IdempotencyKey is not null && e.Outcome == WriteOutcome.Acknowledged && !unacknowledged.Contains(e))
                .Take(ReplaySample)
                .ToList();
            foreach (var entry in replays)
            {
                await CheckReplayAsync(entry.Kind == WriteKind.CreateMunicipality ? coordinator : own[entry.Client], entry, problems);
            }

            // 4. After the retries: everything is there exactly once (duplicates never go away, so these are all of them).
            var after = await ReadStateAsync();
            var (missingAfterRetry, duplicated) = Compare(after, [], mustExist: [.. unacknowledged]);
            if (missingAfterRetry > 0 || duplicated > 0)
            {
                Compare(after, problems, mustExist: [.. unacknowledged]);
            }

            return new DurabilityReport(
                cycle,
                acknowledgedSoFar,
                acknowledgedThisCycle,
                unacknowledged.Count,
                applied,
                lost + missingAfterRetry,
                duplicated,
                unacknowledged.Count,
                replays.Count,
                problems);
        }
        finally
        {
            own.ForEach(c => c.Dispose());
        }
    }

    /// <summary>
    /// Counts acknowledged writes that are missing (and, of <paramref name="mustExist"/>, any missing: the retried ones),
    /// and writes that are there more than once. Problems are described into <paramref name="problems"/>.
    /// </summary>
    private (int Lost, int Duplicated) Compare(NetworkState state, List<string> problems, HashSet<LedgerEntry> mustExist)
    {
        int lost = 0, duplicated = 0;
        foreach (var entry in ledger.Entries.Where(e => e.Kind != WriteKind.UpdateProfile))
        {
            var count = state.Count(entry);
            var acknowledged = entry.Outcome == WriteOutcome.Acknowledged;
            if (count > 1)
            {
                duplicated++;
                problems.Add($"{count} copies of {entry}");
            }
            else if (count == 0 && (acknowledged || mustExist.Contains(entry)))
            {
                lost++;
                problems.Add($"missing: {entry}");
            }
            else if (count == 1 && acknowledged && entry.Kind != WriteKind.CreateMunicipality && state.CreatedId(entry) != AnsweredId(entry))
            {
                duplicated++;
                problems.Add($"it is there under another id than answered: {entry}");
            }
        }

        // A client updates its profile one write at a time: the stored name is its last acknowledged one, or one sent after it.
        foreach (var (client, name) in state.Profiles)
        {
            var updates = ledger.Entries.Where(e => e.Kind == WriteKind.UpdateProfile && e.Client == client)
                .OrderBy(e => e.Cycle).ThenBy(e => e.Sequence).ToList();
            var lastAcknowledged = updates.FindLastIndex(e => e.Outcome == WriteOutcome.Acknowledged);
            if (lastAcknowledged < 0)
            {
                continue;
            }

            // Everything after the last acknowledged update is unacknowledged, and one of them may have been applied.
            var allowed = updates.Skip(lastAcknowledged).Select(e => e.Marker);
            if (!allowed.Contains(name))
            {
                lost++;
                problems.Add($"profile of client {client} is '{name}', not its last acknowledged '{updates[lastAcknowledged].Marker}' or a later write");
            }
        }

        return (lost, duplicated);
    }

    private static string? AnsweredId(LedgerEntry entry) =>
        entry.Answer is { } answer ? JsonDocument.Parse(answer).RootElement.GetProperty("id").GetString() : null;

    private async Task<bool> KeyWorksAsync(LedgerEntry entry)
    {
        var key = JsonDocument.Parse(entry.Answer!).RootElement.GetProperty("apiKey").GetString();
        using var client = api.CreateClient(key);
        using var response = await client.GetAsync($"/municipalities/{entry.Marker}");
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static async Task CheckReplayAsync(HttpClient client, LedgerEntry entry, List<string> problems)
    {
        using var request = new HttpRequestMessage(new HttpMethod(entry.Method), entry.Path)
        {
            Content = new StringContent(entry.Body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", entry.IdempotencyKey);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != entry.Status || text != entry.Answer || !response.Headers.Contains("Idempotent-Replayed"))
        {
            problems.Add($"replay differs from the first answer ({(int)response.StatusCode}): {entry}");
        }
    }

    private async Task<NetworkState> ReadStateAsync()
    {
        using var coordinator = api.CreateClient(ApiProcess.CoordinatorKey);
        var partners = await ReadArrayAsync(coordinator, "/municipalities");
        var agreements = await ReadArrayAsync(coordinator, "/agreements");
        var exchanges = await ReadPagesAsync(coordinator, "/exchanges?limit=100");
        var events = new List<JsonElement>();
        foreach (var cycle in ledger.Entries.Where(e => e.Kind == WriteKind.CreateEvent).Select(e => e.Cycle).Distinct())
        {
            events.AddRange(await ReadArrayAsync(coordinator, $"/projects/{CrashNetwork.ProjectId(cycle)}/events"));
        }

        var profiles = new Dictionary<int, string>();
        for (var i = 0; i < network.Clients; i++)
        {
            var partner = await ReadAsync(coordinator, $"/municipalities/{network.Partners[i]}");
            profiles[i] = partner.GetProperty("name").GetString()!;
        }

        return new NetworkState(
            partners.GroupBy(p => p.GetProperty("id").GetString()!).ToDictionary(g => g.Key, g => g.Count()),
            agreements.Concat(exchanges).Concat(events)
                .GroupBy(a => a.GetProperty("title").GetString()!)
                .ToDictionary(g => g.Key, g => g.Select(a => a.GetProperty("id").GetString()!).ToList()),
            profiles);
    }

    private static async Task<List<JsonElement>> ReadArrayAsync(HttpClient client, string path) =>
        [.. (await ReadAsync(client, path)).EnumerateArray()];

    /// <summary>Every item of a paged list ({items, nextCursor}).</summary>
    private static async Task<List<JsonElement>> ReadPagesAsync(HttpClient client, string path)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await ReadAsync(client, cursor is null ? path : $"{path}&cursor={Uri.EscapeDataString(cursor)}");
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return items;
    }

    private static async Task<JsonElement> ReadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>What the API shows after a restart, by the markers the workload wrote.</summary>
    private sealed record NetworkState(
        Dictionary<string, int> Partners,
        Dictionary<string, List<string>> CreatedByTitle,
        Dictionary<int, string> Profiles)
    {
        public int Count(LedgerEntry entry) => entry.Kind switch
        {
            WriteKind.CreateMunicipality => Partners.GetValueOrDefault(entry.Marker),
            WriteKind.UpdateProfile => 0,
            _ => CreatedByTitle.TryGetValue(entry.Marker, out var ids) ? ids.Count : 0,
        };

        public string? CreatedId(LedgerEntry entry) =>
            CreatedByTitle.TryGetValue(entry.Marker, out var ids) && ids.Count == 1 ? ids[0] : null;

        public bool IsApplied(LedgerEntry entry) => entry.Kind == WriteKind.UpdateProfile
            ? Profiles.GetValueOrDefault(entry.Client) == entry.Marker
            : Count(entry) > 0;
    }
}
