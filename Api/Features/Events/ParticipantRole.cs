namespace Collaboration.Api.Features.Events;

/// <summary>Participants of the host town are local; all others are invited (docs/contract.md). Serialized camelCase.</summary>
public enum ParticipantRole
{
    Local,
    Invited,
}
