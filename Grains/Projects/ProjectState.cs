using System.Text.Json;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Projects;

public sealed class ProjectState : IIndexedState
{
    /// <summary>The definition; its <c>Partners</c> are the current partners, the lead among them.</summary>
    public ProjectDefinition? Definition { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<IndexEntry> GetIndexEntries(string key)
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
            new IndexEntry(IndexNames.Projects, key)
            {
                SortKey = definition.StartDate.DayNumber,
                Terms = terms,
                Text = $"{definition.Acronym} {definition.Title} {definition.Summary}",
                Payload = JsonSerializer.Serialize(new ProjectSummary(key, definition, CreatedAt, UpdatedAt), GrainStateSerializer.Options),
            },
        ];
    }
}
