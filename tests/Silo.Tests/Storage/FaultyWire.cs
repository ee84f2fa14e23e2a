using System.Net;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>
/// The HTTP wire between the Table SDK and the service, where a test puts transient faults that the SDK's own retry
/// policy must handle: <see cref="FailBefore"/> answers 503 without sending the request, <see cref="LoseAnswer"/>
/// sends it (the service applies it) and answers 503 instead of the service's answer.
/// </summary>
internal sealed class FaultyWire() : DelegatingHandler(new SocketsHttpHandler())
{
    private int _requests;

    /// <summary>Called with the operation (create, get, query, insert, replace, merge, delete, batch) and its target; true fails it unsent.</summary>
    public Func<string, string, bool>? FailBefore { get; set; }

    /// <summary>Called after the service answered; true loses that answer.</summary>
    public Func<string, string, bool>? LoseAnswer { get; set; }

    /// <summary>Every request the SDK sent or tried to send, its retries included.</summary>
    public int Requests => Volatile.Read(ref _requests);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var operation = Operation(request);
        // A batch names its table inside its body.
        var target = operation == "batch" && request.Content is { } body ? await body.ReadAsStringAsync(cancellationToken) : request.RequestUri!.AbsolutePath;
        if (FailBefore?.Invoke(operation, target) == true)
        {
            return Unavailable(request);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (LoseAnswer?.Invoke(operation, target) == true)
        {
            response.Dispose();
            return Unavailable(request);
        }

        return response;
    }

    private static HttpResponseMessage Unavailable(HttpRequestMessage request) =>
        new(HttpStatusCode.ServiceUnavailable) { RequestMessage = request, Content = new StringContent("") };

    private static string Operation(HttpRequestMessage request)
    {
        var path = request.RequestUri!.AbsolutePath;
        return request.Method.Method switch
        {
            "POST" when path.EndsWith("/$batch", StringComparison.Ordinal) => "batch",
            "POST" when path.EndsWith("/Tables", StringComparison.Ordinal) => "create",
            "POST" => "insert",
            "PUT" => "replace",
            "PATCH" or "MERGE" => "merge",
            "DELETE" => "delete",
            _ => path.Contains("(PartitionKey=", StringComparison.Ordinal) ? "get" : "query",
        };
    }
}
