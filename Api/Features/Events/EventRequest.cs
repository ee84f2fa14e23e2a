using Collaboration.Api.Validation;
using Collaboration.Grains.Events;

namespace Collaboration.Api.Features.Events;

/// <summary>The body of POST /projects/{id}/events and PUT /events/{eventId}: every field is required.</summary>
public sealed record EventRequest
{
    public string? Title { get; init; }

    public EventKind? Kind { get; init; }

    public string? Host { get; init; }

    public string? Place { get; init; }

    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    public string? Description { get; init; }

    /// <summary>The shape of the request; whether the host is a partner and the dates lie within the project is the grain's to judge.</summary>
    public RequestValidation Validate()
    {
        var v = new RequestValidation();
        v.Text("title", Title, 300, required: true);
        v.Required("kind", Kind);
        v.Slug("host", Host);
        v.Text("place", Place, 300, required: true);
        v.Required("startDate", StartDate);
        v.Required("endDate", EndDate);
        if (StartDate is { } start && EndDate is { } end && end < start)
        {
            v.Add("endDate", "Must not be before startDate.");
        }

        v.Text("description", Description, 4000, required: true);
        return v;
    }

    public EventDetails ToDetails() => new(
        Title!.Trim(), Kind!.Value, Host!, Place!.Trim(), StartDate!.Value, EndDate!.Value, Description!.Trim());
}
