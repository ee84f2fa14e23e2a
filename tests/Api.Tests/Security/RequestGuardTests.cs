using System.Net;
using System.Text;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Security;

/// <summary>What the hostile-input test found, pinned down one by one.</summary>
public sealed class RequestGuardTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    [Theory]
    [InlineData("application/json; charset=klingon")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task AJsonBodyInAnyCharsetButUtf8IsUnsupportedMediaType(string contentType)
    {
        using var coordinator = api.CreateCoordinatorClient();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"id\":\"charset-town\",\"name\":\"C\",\"country\":\"SI\"}"));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await coordinator.PostAsync("/municipalities", content);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=\"UTF-8\"")]
    [InlineData("application/merge-patch+json")]
    public async Task Utf8JsonIsAcceptedWhicheverWayItIsLabelled(string contentType)
    {
        using var coordinator = api.CreateCoordinatorClient();
        var id = "utf8-" + Guid.NewGuid().ToString("N")[..8];
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\",\"name\":\"Ljubljana – Žale\",\"country\":\"SI\"}}"));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await coordinator.PostAsync("/municipalities", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownOpenApiDocumentIsNotFoundWithProblemDetails()
    {
        using var anonymous = api.CreateClient(apiKey: null);

        await (await anonymous.GetAsync("/openapi/..%2F..%2Fetc%2Fpasswd.json")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
    }
}
