using Collaboration.Grains.Access;
using Collaboration.Grains.Domain.Eligibility;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Projects;

/// <summary>A project of the network, keyed by its slug. It owns its partnership; a partner's projects are read from the index.</summary>
public interface IProjectGrain : IGrainWithStringKey
{
    /// <summary>Registers the project; 409 when the id is taken, 400 when the lead or a partner does not exist.</summary>
    Task<ProjectSnapshot> CreateAsync(ProjectDefinition definition, Actor actor);

    Task<ProjectSnapshot?> GetAsync();

    /// <summary>The project with its events and eligibility in one call; null when there is no such project.</summary>
    [ReadOnly]
    Task<ProjectView?> GetViewAsync();

    /// <summary>
    /// Replaces the project's description (the coordinator or the lead may), at <paramref name="expectedVersion"/> when
    /// given (412 otherwise); eligibility is evaluated again from the new dates and call.
    /// </summary>
    Task<ProjectSnapshot> UpdateAsync(ProjectDetails details, string? expectedVersion, Actor actor);

    /// <summary>Adds a partner (the coordinator or the lead may); 409 when it is one already.</summary>
    Task<ProjectSnapshot> AddPartnerAsync(string municipalityId, Actor actor);

    /// <summary>Removes a partner (the coordinator or the lead may); the lead cannot be removed.</summary>
    Task<ProjectSnapshot> RemovePartnerAsync(string municipalityId, Actor actor);

    /// <summary>The programme rules for this project, evaluated now against its partners and events.</summary>
    [ReadOnly]
    Task<EligibilityResult> GetEligibilityAsync();
}
