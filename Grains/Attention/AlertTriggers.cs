using Collaboration.Grains.Activity;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Indexing;

namespace Collaboration.Grains.Attention;

/// <summary>
/// What a page of activity changes for the coordinators' alerts: which partners were active (and when last), and
/// which projects and agreements must be evaluated again.
/// </summary>
public sealed record AlertTriggers(IReadOnlyDictionary<string, DateTimeOffset> ActivePartners, IReadOnlySet<string> Subjects)
{
    private const string Coordinator = "coordinator";

    public static async Task<AlertTriggers> FindAsync(IReadOnlyList<ActivityRecord> records, IAttentionFacts facts, IGrainIndex index)
    {
        ArgumentNullException.ThrowIfNull(records);
        var active = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var subjects = new HashSet<string>(StringComparer.Ordinal);
        void Touch(string partner, DateTimeOffset at)
        {
            if (Slug.IsValid(partner) && (!active.TryGetValue(partner, out var known) || at > known))
            {
                active[partner] = at;
            }
        }

        foreach (var record in records)
        {
            if (record.Actor != Coordinator)
            {
                Touch(record.Actor, record.At);
            }

            var slash = record.Subject.IndexOf('/', StringComparison.Ordinal);
            var (kind, id) = slash < 0 ? (record.Subject, "") : (record.Subject[..slash], record.Subject[(slash + 1)..]);
            switch (kind)
            {
                // The coordinator taking a partner out or bringing it back is no activity of the partner: its watch
                // is evaluated again (a deactivated partner has no alert), its silence still counts from before.
                case "municipality" when record.Type is "municipality.deactivated" or "municipality.reactivated":
                    subjects.Add(record.Subject);
                    break;
                case "municipality":
                    Touch(id, record.At);

                    // A partner's country counts for the EU member states of each of its projects.
                    if (record.Type == "municipality.updated")
                    {
                        var projects = await index.QueryIdsAsync(new IndexQuery(IndexNames.Projects) { Terms = [new IndexTerm("partner", id)] });
                        subjects.UnionWith(projects.Select(p => "project/" + p));
                    }

                    break;
                case "project" or "agreement":
                    subjects.Add(record.Subject);
                    break;
                case "event" when await facts.EventAsync(id) is { } @event:
                    subjects.Add("project/" + @event.Event.ProjectId);
                    break;
            }
        }

        return new AlertTriggers(active, subjects);
    }
}
