using System.Globalization;
using System.Text.Json.Serialization;
using Collaboration.Grains.Access;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Municipalities;

namespace Collaboration.Grains.Agreements;

/// <summary>
/// A partnership agreement and its lifecycle, as a plain value: each transition checks the input (400), who
/// acts (403) and the state (409), in that order, and returns the changed agreement with what happened, leaving
/// this one untouched. The grain stores the result; nothing here does I/O.
/// <para>
/// The lifecycle:
/// <list type="bullet">
/// <item>drafted <c>open</c> by the coordinator or by one of the parties, every party unsigned;</item>
/// <item><c>open</c> -> <c>inForce</c> when every party has signed: on the last signature, or when the last
/// party that had not signed withdraws (status <c>inForce</c> means "every party signed", docs/contract.md);</item>
/// <item>amending the title, areas or text is possible only while <c>open</c> and clears every signature, so
/// that each party signs what is actually in force; once in force the text is fixed;</item>
/// <item>accession while <c>open</c> or <c>inForce</c>: the newcomer is a party that has not signed. An agreement
/// in force stays <c>inForce</c> meanwhile: it binds those who signed, and an accession must not suspend it for
/// them. The newcomer joins the obligations by signing the text in force (the only signature accepted while in
/// force);</item>
/// <item><c>open</c>|<c>inForce</c> -> <c>terminated</c> when a withdrawal leaves fewer than two parties
/// (signed or not, as docs/contract.md counts parties). Terminated is final.</item>
/// </list>
/// </para>
/// <para>
/// Each transition takes the partners' names for the summaries of what happened (people read them; code never
/// does): the grain looks them up, and without a lookup partners are named by their ids.
/// </para>
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.Agreement")]
public sealed record Agreement
{
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required string Title { get; init; }

    [Id(2)]
    public required IReadOnlyList<string> Areas { get; init; }

    [Id(3)]
    public required string Text { get; init; }

    [Id(4)]
    public AgreementStatus Status { get; init; }

    /// <summary>The current parties, in the order they were listed or acceded; a party that withdrew is no longer one.</summary>
    [Id(5)]
    public required IReadOnlyList<AgreementParty> Parties { get; init; }

    /// <summary>Who drafted it: a municipality id, or "coordinator".</summary>
    [Id(6)]
    public required string DraftedBy { get; init; }

    [Id(7)]
    public DateTimeOffset CreatedAt { get; init; }

    [Id(8)]
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Grows by one with every change.</summary>
    [Id(9)]
    public long Version { get; init; }

    /// <summary>The version as clients see it in the ETag and send back in If-Match.</summary>
    [JsonIgnore]
    public string ETagVersion => Version.ToString(CultureInfo.InvariantCulture);

    [JsonIgnore]
    public AgreementContent Content => new(Title, Areas, Text);

    public AgreementParty? FindParty(string municipalityId) =>
        Parties.FirstOrDefault(p => p.MunicipalityId == municipalityId);

    /// <summary>Drafts an agreement between <paramref name="parties"/>; whether they exist is the caller's to check.</summary>
    public static AgreementChange Draft(
        string id,
        Actor actor,
        AgreementContent content,
        IReadOnlyList<string> parties,
        DateTimeOffset at,
        Func<string, string>? partnerNames = null)
    {
        var name = partnerNames ?? PartnerNames.Ids;
        var errors = new ValidationErrors();
        var normalised = AgreementInput.Content(content, errors);
        var partyIds = AgreementInput.Parties(parties, errors);
        errors.ThrowIfAny();

        if (!actor.IsCoordinator && !partyIds.Contains(actor.MunicipalityId!, StringComparer.Ordinal))
        {
            throw new ForbiddenException(
                $"A partner drafts only agreements it is a party to; {actor} is not among the parties. The coordinator may draft any agreement.");
        }

        var agreement = new Agreement
        {
            Id = id,
            Title = normalised.Title,
            Areas = normalised.Areas,
            Text = normalised.Text,
            Status = AgreementStatus.Open,
            Parties = [.. partyIds.Select(p => new AgreementParty(p))],
            DraftedBy = actor.ToString(),
            CreatedAt = at,
            UpdatedAt = at,
            Version = 1,
        };
        return new AgreementChange(agreement, [
            new AgreementEvent(
                AgreementEventTypes.Drafted,
                actor.ToString(),
                $"{Who(actor, name)} drafted \"{agreement.Title}\" between {string.Join(", ", partyIds.Select(name))}.",
                AgreementStatus.Open),
        ]);
    }

    /// <summary>The acting party signs for itself; the signature that completes the parties' puts the agreement in force.</summary>
    public AgreementChange Sign(Actor actor, AgreementSignature signature, DateTimeOffset at, Func<string, string>? partnerNames = null)
    {
        var name = partnerNames ?? PartnerNames.Ids;
        var errors = new ValidationErrors();
        var given = AgreementInput.Signature(signature, errors);
        errors.ThrowIfAny();

        if (actor.IsCoordinator)
        {
            throw new ForbiddenException("The coordinator does not sign agreements; each party signs for itself with its own key.");
        }

        var party = FindParty(actor.MunicipalityId!)
            ?? throw new ForbiddenException($"Only the parties sign, each for itself; {actor} is not a party to this agreement.");

        if (Status == AgreementStatus.Terminated)
        {
            throw Refused("Signatures are accepted only while the agreement is open, or from a party that acceded while it is inForce");
        }

        if (party.HasSigned)
        {
            throw new ConflictException(
                $"{party.MunicipalityId} already signed this agreement at {party.SignedAt:O} ({party.Signatory}, {party.Role}); a party signs once.");
        }

        var parties = Parties
            .Select(p => p == party ? p with { SignedAt = at, Signatory = given.Signatory, Role = given.Role } : p)
            .ToArray();
        var signed = new AgreementEvent(
            AgreementEventTypes.Signed,
            actor.ToString(),
            Status == AgreementStatus.InForce
                ? $"{given.Signatory} ({given.Role}) signed for {name(party.MunicipalityId)}, acceding to the agreement in force."
                : $"{given.Signatory} ({given.Role}) signed for {name(party.MunicipalityId)}.",
            Status)
        {
            MunicipalityId = party.MunicipalityId,
            Signatory = given.Signatory,
            Role = given.Role,
        };
        return Changed(parties, Content, actor, at, name, [signed]);
    }

    /// <summary>Replaces the title, areas and text while the agreement is open; every signature given so far is cleared.</summary>
    public AgreementChange Amend(Actor actor, AgreementContent content, DateTimeOffset at, Func<string, string>? partnerNames = null)
    {
        var name = partnerNames ?? PartnerNames.Ids;
        var errors = new ValidationErrors();
        var amended = AgreementInput.Content(content, errors);
        errors.ThrowIfAny();

        if (!actor.IsCoordinator && FindParty(actor.MunicipalityId!) is null)
        {
            throw new ForbiddenException($"Only the coordinator or a party amends an agreement; {actor} is not a party to this agreement.");
        }

        if (Status != AgreementStatus.Open)
        {
            throw Refused("Amendments are accepted only while the agreement is open (once in force, its text is fixed)");
        }

        var changed = new List<string>(3);
        if (amended.Title != Title)
        {
            changed.Add("title");
        }

        if (!amended.Areas.SequenceEqual(Areas, StringComparer.Ordinal))
        {
            changed.Add("areas");
        }

        if (amended.Text != Text)
        {
            changed.Add("text");
        }

        if (changed.Count == 0)
        {
            // Nothing to sign again: the signatures given still cover what is written.
            return new AgreementChange(this, []);
        }

        var cleared = Parties.Where(p => p.HasSigned).Select(p => name(p.MunicipalityId)).ToArray();
        var summary = $"{Who(actor, name)} amended the {string.Join(" and ", changed)}"
            + (cleared.Length == 0 ? "." : $"; the signatures of {string.Join(", ", cleared)} were cleared and must be given again.");
        var parties = Parties.Select(p => p.Unsigned()).ToArray();
        return Changed(parties, amended, actor, at, name, [
            new AgreementEvent(AgreementEventTypes.Amended, actor.ToString(), summary, AgreementStatus.Open),
        ]);
    }

    /// <summary>
    /// Admits <paramref name="municipalityId"/> as a party that has not signed yet; whether it exists is the
    /// caller's to check. An agreement in force stays in force (see the class comment).
    /// </summary>
    public AgreementChange Accede(Actor actor, string municipalityId, DateTimeOffset at, Func<string, string>? partnerNames = null)
    {
        var name = partnerNames ?? PartnerNames.Ids;
        var errors = new ValidationErrors();
        AgreementInput.MunicipalityId(municipalityId, "municipalityId", errors);
        errors.ThrowIfAny();

        if (!actor.IsCoordinator)
        {
            var sponsor = FindParty(actor.MunicipalityId!)
                ?? throw new ForbiddenException(
                    $"Only the coordinator or a party that has signed admits a new party; {actor} is not a party to this agreement.");
            if (!sponsor.HasSigned)
            {
                throw new ForbiddenException(
                    $"Only the coordinator or a party that has signed admits a new party; {actor} has not signed this agreement yet.");
            }
        }

        if (Status == AgreementStatus.Terminated)
        {
            throw Refused("Accessions are accepted only while the agreement is open or inForce");
        }

        if (FindParty(municipalityId) is not null)
        {
            throw new ConflictException($"{municipalityId} is already a party to this agreement.");
        }

        if (Parties.Count >= AgreementLimits.MaxParties)
        {
            throw new ConflictException($"The agreement already has {Parties.Count} parties, the most one agreement can have.");
        }

        var joined = new AgreementEvent(
            AgreementEventTypes.PartyJoined,
            actor.ToString(),
            $"{name(municipalityId)} acceded, admitted by {Who(actor, name, sentenceStart: false)}; it is a party that has not signed yet.",
            Status)
        {
            MunicipalityId = municipalityId,
        };
        return Changed([.. Parties, new AgreementParty(municipalityId)], Content, actor, at, name, [joined]);
    }

    /// <summary>The acting party withdraws itself; fewer than two parties left terminate the agreement.</summary>
    public AgreementChange Withdraw(Actor actor, string municipalityId, DateTimeOffset at, Func<string, string>? partnerNames = null)
    {
        var name = partnerNames ?? PartnerNames.Ids;
        if (!actor.Is(municipalityId))
        {
            throw new ForbiddenException(
                $"A party withdraws only itself, with its own key; {actor} cannot withdraw {municipalityId}.");
        }

        var party = FindParty(municipalityId) ?? throw new ResourceNotFoundException($"party of agreement '{Id}'", municipalityId);

        if (Status == AgreementStatus.Terminated)
        {
            throw Refused("Withdrawals are accepted only while the agreement is open or inForce");
        }

        var parties = Parties.Where(p => p != party).ToArray();
        var withdrew = new AgreementEvent(
            AgreementEventTypes.PartyWithdrew,
            actor.ToString(),
            $"{name(municipalityId)} withdrew from the agreement; {(parties.Length == 1 ? "1 party remains" : $"{parties.Length} parties remain")}.",
            Status)
        {
            MunicipalityId = municipalityId,
        };
        return Changed(parties, Content, actor, at, name, [withdrew]);
    }

    /// <summary>
    /// The agreement with new parties and content, its status derived from them, and the events of the change
    /// (each with the status after it), followed by <c>inForce</c> or <c>terminated</c> where the status moved.
    /// </summary>
    private AgreementChange Changed(
        IReadOnlyList<AgreementParty> parties,
        AgreementContent content,
        Actor actor,
        DateTimeOffset at,
        Func<string, string> name,
        IReadOnlyList<AgreementEvent> events)
    {
        var status = Status;
        if (parties.Count < AgreementLimits.MinParties)
        {
            status = AgreementStatus.Terminated;
        }
        else if (status == AgreementStatus.Open && parties.All(p => p.HasSigned))
        {
            status = AgreementStatus.InForce;
        }

        var all = events.ToList();
        if (status != Status)
        {
            all.Add(status == AgreementStatus.InForce
                ? new AgreementEvent(
                    AgreementEventTypes.InForce,
                    actor.ToString(),
                    $"Every party has signed: the agreement is in force between {string.Join(", ", parties.Select(p => name(p.MunicipalityId)))}.",
                    status)
                : new AgreementEvent(
                    AgreementEventTypes.Terminated,
                    actor.ToString(),
                    $"Fewer than {AgreementLimits.MinParties} parties remain: the agreement is terminated.",
                    status));
        }

        var agreement = this with
        {
            Title = content.Title,
            Areas = content.Areas,
            Text = content.Text,
            Parties = parties,
            Status = status,
            UpdatedAt = at,
            Version = Version + 1,
        };
        return new AgreementChange(agreement, all);
    }

    /// <summary>Who acted, for a summary: a partner by its name, or the coordinator.</summary>
    private static string Who(Actor actor, Func<string, string> name, bool sentenceStart = true) =>
        actor.MunicipalityId is { } id ? name(id) : sentenceStart ? "The coordinator" : "the coordinator";

    private ConflictException Refused(string rule) => new($"{rule}; it is {Status.ToWire()}.");
}
