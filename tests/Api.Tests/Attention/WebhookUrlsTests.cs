using Collaboration.Api.Features.Webhooks;

namespace Collaboration.Api.Tests.Attention;

public sealed class WebhookUrlsTests
{
    [Theory]
    [InlineData("https://hooks.example.org/collaboration", false)]
    [InlineData("https://127.0.0.1:8443/hook", false)]
    [InlineData("http://127.0.0.1:5001/hook", true)]
    [InlineData("http://localhost:5001/hook", true)]
    [InlineData("http://[::1]:5001/hook", true)]
    public void TheseUrlsAreAccepted(string url, bool allowLoopbackHttp) =>
        Assert.Null(WebhookUrls.Check(url, allowLoopbackHttp));

    [Theory]
    [InlineData("http://127.0.0.1:5001/hook", false)]
    [InlineData("http://localhost/hook", false)]
    [InlineData("http://hooks.example.org/hook", true)]
    [InlineData("http://10.0.0.7/hook", true)]
    [InlineData("ws://127.0.0.1/hook", true)]
    [InlineData("/hook", true)]
    public void TheseUrlsAreRefused(string url, bool allowLoopbackHttp) =>
        Assert.NotNull(WebhookUrls.Check(url, allowLoopbackHttp));
}
