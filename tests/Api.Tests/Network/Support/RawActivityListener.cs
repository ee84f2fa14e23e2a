using System.Globalization;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;

namespace Collaboration.Api.Tests.Network.Support;

/// <summary>
/// A listener that only copies the stream's bytes while writers are being timed and parses them afterwards, so
/// that the test's own clients do not compete with the server for the CPU it measures.
/// </summary>
public sealed class RawActivityListener : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly CancellationToken _cancellationToken;

    private RawActivityListener(HttpResponseMessage response, Stream body, CancellationToken cancellationToken)
    {
        _response = response;
        _body = body;
        _cancellationToken = cancellationToken;
    }

    public static async Task<RawActivityListener> OpenAsync(HttpClient client, long after, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/network/activity/stream");
        request.Headers.Add("Last-Event-ID", after.ToString(CultureInfo.InvariantCulture));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        return new RawActivityListener(response, await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken);
    }

    /// <summary>Copies bytes until the event with id <paramref name="seq"/> is complete; returns the ids of every activity event, in order.</summary>
    public async Task<List<long>> ReadThroughAsync(long seq)
    {
        var marker = Encoding.ASCII.GetBytes($"id: {seq.ToString(CultureInfo.InvariantCulture)}\n");
        var copy = new MemoryStream();
        var buffer = new byte[16 * 1024];
        var searchedUpTo = 0;
        while (true)
        {
            var read = await _body.ReadAsync(buffer, _cancellationToken);
            if (read == 0)
            {
                throw new EndOfStreamException("The activity stream ended.");
            }

            copy.Write(buffer, 0, read);
            var data = copy.GetBuffer().AsSpan(0, (int)copy.Length);
            var found = data[searchedUpTo..].IndexOf(marker);
            if (found >= 0 && data[(searchedUpTo + found)..].IndexOf("\n\n"u8) >= 0)
            {
                break;
            }

            searchedUpTo = Math.Max(0, data.Length - marker.Length);
        }

        copy.Position = 0;
        return SseParser.Create(copy).Enumerate()
            .Where(item => item.EventType == "activity")
            .Select(item =>
            {
                var value = JsonDocument.Parse(item.Data).RootElement.GetProperty("seq").GetInt64();
                Assert.Equal(item.EventId, value.ToString(CultureInfo.InvariantCulture));
                return value;
            })
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _body.DisposeAsync();
        _response.Dispose();
    }
}
