using System.Text.Json;
using Collaboration.Grains.Indexing;
using Collaboration.Silo;
using Collaboration.Silo.Indexing;

namespace Collaboration.Grains.Projects;

public sealed class ProjectState : IIndexedState
{
    /// <summary>The definition; its <c>Partners</c> are the current partners, the lead among them.</summary>
    public ProjectDefinition? Definition { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<IndexEntry> GetIndexEntries(GrainId grainId)
    {
        if (Definition is not { } definition)
        {
            return [];
        }

        var terms = new List<IndexTerm>
        {
            new("lead", definition.Lead),
            new("programme", JsonNamingPolicy.CamelCase.ConvertName(definition.Programme.ToString())),
            new("measure", JsonNamingPolicy.CamelCase.ConvertName(definition.Measure.ToString())),
        };
        terms.AddRange(definition.Partners.Select(p => new IndexTerm("partner", p)));
        return
        [
            new IndexEntry(IndexNames.Projects, grainId.Key)
            {
                SortKey = definition.StartDate.DayNumber,
                Terms = terms,
                Text = $"{definition.Acronym} {definition.Title} {definition.Summary}",
                Payload = JsonSerializer.Serialize(new ProjectSummary(grainId.Key, definition, CreatedAt, UpdatedAt), GrainStateSerializer.Options),
            },
        ];
    }
}
