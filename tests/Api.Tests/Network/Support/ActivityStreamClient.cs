using System.Net.ServerSentEvents;
using System.Text.Json;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Network.Support;

/// <summary>Reads <c>GET /network/activity/stream</c> as a client would, with the standard SSE parser.</summary>
public sealed class ActivityStreamClient : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly IAsyncEnumerator<SseItem<string>> _items;

    private ActivityStreamClient(HttpResponseMessage response, Stream body, CancellationToken cancellationToken)
    {
        _response = response;
        _body = body;
        _items = SseParser.Create(body).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    public HttpResponseMessage Response => _response;

    public static async Task<ActivityStreamClient> OpenAsync(HttpClient client, string? lastEventId, CancellationToken cancellationToken, string path = "/network/activity/stream")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        return new ActivityStreamClient(response, await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken);
    }

    /// <summary>The next activity event (comments and heartbeats are skipped by the parser).</summary>
    public async Task<(string Id, string Type, JsonElement Data)> NextAsync()
    {
        if (!await _items.MoveNextAsync())
        {
            throw new EndOfStreamException("The activity stream ended.");
        }

        var item = _items.Current;
        return (item.EventId ?? "", item.EventType, JsonDocument.Parse(item.Data).RootElement.Clone());
    }

    /// <summary>Reads until the record with sequence number <paramref name="seq"/>; returns every sequence number read.</summary>
    public async Task<List<long>> ReadThroughAsync(long seq)
    {
        var seen = new List<long>();
        while (seen.Count == 0 || seen[^1] < seq)
        {
            var (id, _, data) = await NextAsync();
            var value = data.GetProperty("seq").GetInt64();
            Assert.Equal(id, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            seen.Add(value);
        }

        return seen;
    }

    public async ValueTask DisposeAsync()
    {
        await _items.DisposeAsync();
        await _body.DisposeAsync();
        _response.Dispose();
    }

    /// <summary>The last sequence number of the log now.</summary>
    public static async Task<long> LastSeqAsync(HttpClient client)
    {
        var after = 0L;
        while (true)
        {
            var page = await (await client.GetAsync($"/network/activity?after={after}&limit=1000")).ReadJsonAsync<JsonElement>();
            if (page.GetArrayLength() == 0)
            {
                return after;
            }

            after = page[page.GetArrayLength() - 1].GetProperty("seq").GetInt64();
        }
    }
}
