using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Collaboration.EndToEnd.Tests.Support;

namespace Collaboration.EndToEnd.Tests;

/// <summary>
/// The limits that only a real server shows (the in-memory test host has no Kestrel): bodies over the limit, with and
/// without a Content-Length, and request lines no client library would send.
/// </summary>
public sealed class RealServerLimitsTests(SmallBodyApiFixture fixture) : IClassFixture<SmallBodyApiFixture>
{
    private ApiProcess Api => fixture.Api;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ABodyOverTheLimitIs413WithProblemDetailsWhetherItsLengthIsDeclaredOrNot(bool chunked)
    {
        using var client = Api.CreateClient(ApiProcess.CoordinatorKey);
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id = "too-big", name = new string('x', 200_000), country = "SI" }));
        HttpContent content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/municipalities") { Content = content };
        request.Headers.TransferEncodingChunked = chunked;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/municipalities/too-big")).StatusCode);
    }

    [Theory]
    [InlineData("GET /municipalities/a%00b HTTP/1.1")]
    [InlineData("GET /municipalities/../../etc/passwd HTTP/1.1")]
    [InlineData("GET /municipalities/%ff%fe HTTP/1.1")]
    [InlineData("GET /municipalities/\u0001 HTTP/1.1")]
    [InlineData("POST /municipalities HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n{\"a\":")]
    public async Task ARawHostileRequestIsNeverA5xx(string requestLine)
    {
        var status = await SendRawAsync(requestLine);

        Assert.InRange(status, 400, 499);
    }

    [Fact]
    public async Task KestrelRefusesANulInThePathItselfWithABare400BeforeTheAppRuns()
    {
        // Documented in the README (Errors): Kestrel rejects the request line, answers 400 with no body and closes the
        // connection; no middleware runs, so no problem details can be given. Where the app does see a NUL it answers
        // problem details (Api.Tests, NulInPathTests).
        var (status, head) = await SendRawForHeadAsync("GET /municipalities/a%00b HTTP/1.1");

        Assert.Equal(400, status);
        Assert.Contains("Content-Length: 0", head, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("application/problem+json", head, StringComparison.Ordinal);
    }

    private async Task<(int Status, string Head)> SendRawForHeadAsync(string requestLine)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Api.BaseAddress.Host, Api.BaseAddress.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes($"{requestLine}\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.Latin1);
        var lines = new List<string>();
        while (await reader.ReadLineAsync() is { Length: > 0 } line)
        {
            lines.Add(line);
        }

        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, string.Join("\n", lines));
    }

    /// <summary>Writes the request as bytes (a client library would refuse or normalise it) and reads the status line.</summary>
    private async Task<int> SendRawAsync(string requestLine)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Api.BaseAddress.Host, Api.BaseAddress.Port);
        await using var stream = tcp.GetStream();
        var head = requestLine.Contains("\r\n\r\n", StringComparison.Ordinal)
            ? requestLine.Replace(" HTTP/1.1\r\n", $" HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {ApiProcess.CoordinatorKey}\r\nConnection: close\r\n", StringComparison.Ordinal)
            : $"{requestLine}\r\nHost: localhost\r\nAuthorization: Bearer {ApiProcess.CoordinatorKey}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.Latin1);
        var statusLine = await reader.ReadLineAsync() ?? throw new InvalidOperationException("No answer.");
        return int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
