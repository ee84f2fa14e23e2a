using Collaboration.Api.Validation;

namespace Collaboration.Api.Features.Events;

/// <summary>The optional body of POST /events/{eventId}/cancellation.</summary>
public sealed record CancellationRequest
{
    public string? Reason { get; init; }

    public RequestValidation Validate()
    {
        var v = new RequestValidation();
        v.Text("reason", Reason, 1000, required: false);
        return v;
    }
}
