using System.Text.Json;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Agreements;

/// <summary>
/// The index every agreement publishes, one entry per agreement, written atomically with its state: this is how
/// a partner's agreements are listed (term <c>party=&lt;municipalityId&gt;</c>, current parties only) without
/// activating any agreement, and it can never disagree with the agreements' parties.
/// </summary>
public static class AgreementIndex
{
    public const string Name = IndexNames.Agreements;
    public const string StatusField = "status";
    public const string PartyField = "party";

    /// <summary>The agreements <paramref name="municipalityId"/> is a current party to, newest first.</summary>
    public static IndexQuery ByParty(string municipalityId, int limit = 100) =>
        new(Name) { Terms = [new IndexTerm(PartyField, municipalityId)], Limit = limit };

    public static IndexTerm Status(AgreementStatus status) => new(StatusField, status.ToWire());

    public static AgreementSummary ReadSummary(IndexHit hit) =>
        JsonSerializer.Deserialize<AgreementSummary>(
            hit.Payload ?? throw new InvalidDataException($"Index entry {hit.DocumentId} of '{Name}' has no payload."),
            GrainStateSerializer.Options)
        ?? throw new InvalidDataException($"Index entry {hit.DocumentId} of '{Name}' has a null payload.");

    internal static IndexEntry EntryOf(Agreement agreement) => new(Name, agreement.Id)
    {
        SortKey = agreement.CreatedAt.UtcTicks,
        Terms = [Status(agreement.Status), .. agreement.Parties.Select(p => new IndexTerm(PartyField, p.MunicipalityId))],
        Text = $"{agreement.Title} {string.Join(' ', agreement.Areas)}",
        Payload = JsonSerializer.Serialize(AgreementSummary.Of(agreement), GrainStateSerializer.Options),
    };
}
