using System.Security.Claims;
using System.Text.Json;
using Collaboration.Api.Errors;
using Collaboration.Api.Hosting.OpenApi;
using Collaboration.Api.Http;
using Collaboration.Api.Security;
using Collaboration.Api.Validation;
using Collaboration.Grains.Domain.Eligibility;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Projects;
using Collaboration.Grains.Queries;
using Collaboration.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Api.Features.Projects;

/// <summary>Projects of the network, their partnership and their eligibility under the programme's rules.</summary>
public static class ProjectsApi
{
    public static RouteGroupBuilder MapProjectsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/projects").WithTags("Projects").RequireAuthorization()
            .WithStandardProblems();

        group.MapPost("/", CreateProject).RequireAuthorization(Roles.Coordinator)
            .WithName(nameof(CreateProject)).WithSummary("Register a project with its lead and partners (coordinator)");
        group.MapGet("/", ListProjects)
            .WithName(nameof(ListProjects)).WithSummary("List projects, optionally those of one partner");
        group.MapGet("/{id}", GetProject)
            .WithName(nameof(GetProject)).WithSummary("Read a project with its partners, events and eligibility");
        group.MapPut("/{id}", UpdateProject)
            .AcceptsIfMatch().WithName(nameof(UpdateProject)).WithSummary("Replace a project's title, acronym, dates, call, strand, themes and summary (coordinator or the lead; If-Match)");
        group.MapPost("/{id}/partners", AddPartner)
            .WithName(nameof(AddPartner)).WithSummary("Add a partner to a project (coordinator or the lead)");
        group.MapDelete("/{id}/partners/{municipalityId}", RemovePartner)
            .WithName(nameof(RemovePartner)).WithSummary("Remove a partner from a project (coordinator or the lead)");
        group.MapGet("/{id}/eligibility", GetEligibility)
            .WithName(nameof(GetEligibility)).WithSummary("Evaluate the programme's rules for a project");
        return group;
    }

    public static async Task<Results<Created<ProjectResponse>, ValidationProblem>> CreateProject(
        ProjectRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var validation = request.Validate();
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var grain = grains.GetGrain<IProjectGrain>(request.Id!);
        var created = await grain.CreateAsync(request.ToDefinition(), user.ToActor());
        return TypedResults.Created($"/projects/{created.Id}", ToResponse(await ViewAsync(grain, created)));
    }

    public static async Task<Results<Ok<List<ProjectListItem>>, ValidationProblem>> ListProjects(string? partner, IndexClient index)
    {
        var query = new IndexQuery(IndexNames.Projects) { Descending = false };
        if (!string.IsNullOrEmpty(partner))
        {
            if (!RequestValidation.IsSlug(partner))
            {
                var validation = new RequestValidation();
                validation.Slug("partner", partner);
                return TypedResults.ValidationProblem(validation.Errors);
            }

            query = query with { Terms = [new IndexTerm("partner", partner)] };
        }

        var hits = await index.QueryAllAsync(query);
        return TypedResults.Ok(hits.Select(h =>
        {
            var summary = JsonSerializer.Deserialize<ProjectSummary>(h.Payload!, GrainStateSerializer.Options)!;
            return ProjectListItem.From(summary.Id, summary.Definition, summary.CreatedAt, summary.UpdatedAt);
        }).ToList());
    }

    public static async Task<Results<SerializedOnceOk<ProjectResponse>, ProblemHttpResult>> GetProject(
        string id, IGrainFactory grains, HttpResponse response)
    {
        if (!RequestValidation.IsSlug(id))
        {
            return Problems.NotFound("project", id);
        }

        if (await grains.GetGrain<IProjectGrain>(id).GetViewAsync() is not { } view)
        {
            return Problems.NotFound("project", id);
        }

        response.Headers.ETag = EntityTags.Format(view.Snapshot.Version);
        return new SerializedOnceOk<ProjectResponse>(view, () => ToResponse(view));
    }

    public static async Task<Results<Ok<ProjectResponse>, ValidationProblem, ProblemHttpResult>> UpdateProject(
        string id, ProjectUpdateRequest request, ClaimsPrincipal user, IGrainFactory grains, HttpRequest http)
    {
        if (!RequestValidation.IsSlug(id))
        {
            return Problems.NotFound("project", id);
        }

        var validation = request.Validate();
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var grain = grains.GetGrain<IProjectGrain>(id);
        var expected = await EntityTags.RequiredVersionAsync(http, async () => (await grain.GetAsync())?.Version);
        var updated = await grain.UpdateAsync(request.ToDetails(), expected, user.ToActor());
        http.HttpContext.Response.Headers.ETag = EntityTags.Format(updated.Version);
        return TypedResults.Ok(ToResponse(await ViewAsync(grain, updated)));
    }

    public static async Task<Results<Ok<ProjectResponse>, ValidationProblem, ProblemHttpResult>> AddPartner(
        string id, PartnerRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!RequestValidation.IsSlug(id))
        {
            return Problems.NotFound("project", id);
        }

        var validation = new RequestValidation();
        validation.Slug("municipalityId", request.MunicipalityId);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var grain = grains.GetGrain<IProjectGrain>(id);
        var updated = await grain.AddPartnerAsync(request.MunicipalityId!, user.ToActor());
        return TypedResults.Ok(ToResponse(await ViewAsync(grain, updated)));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemovePartner(
        string id, string municipalityId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!RequestValidation.IsSlug(id))
        {
            return Problems.NotFound("project", id);
        }

        if (!RequestValidation.IsSlug(municipalityId))
        {
            return Problems.NotFound($"partner of project '{id}'", municipalityId);
        }

        await grains.GetGrain<IProjectGrain>(id).RemovePartnerAsync(municipalityId, user.ToActor());
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<EligibilityResult>, ProblemHttpResult>> GetEligibility(string id, IGrainFactory grains)
    {
        if (!RequestValidation.IsSlug(id))
        {
            return Problems.NotFound("project", id);
        }

        return TypedResults.Ok(await grains.GetGrain<IProjectGrain>(id).GetEligibilityAsync());
    }

    /// <summary>
    /// The answer to a write: the version <paramref name="written"/>, whatever another writer did since, with the
    /// events and eligibility read after it. Projects are never deleted, so the project just written exists.
    /// </summary>
    private static async Task<ProjectView> ViewAsync(IProjectGrain grain, ProjectSnapshot written) =>
        (await grain.GetViewAsync() ?? throw new ResourceNotFoundException("project", written.Id)) with { Snapshot = written };

    private static ProjectResponse ToResponse(ProjectView view)
    {
        var d = view.Snapshot.Definition;
        return new ProjectResponse(
            view.Snapshot.Id, d.Acronym, d.Title, d.Programme, d.Measure, d.Call, d.Strand, d.StartDate, d.EndDate, d.Lead, d.Partners,
            d.Themes, d.Summary, view.Events, view.Eligibility, view.Snapshot.CreatedAt, view.Snapshot.UpdatedAt);
    }
}
