namespace Collaboration.EndToEnd.Tests.Support;

/// <summary>The writes the crash workload makes.</summary>
public enum WriteKind
{
    /// <summary>POST /municipalities (coordinator, client-chosen id, answers a one-time key).</summary>
    CreateMunicipality,

    /// <summary>PUT /municipalities/{id} by the partner itself (each client updates only its own partner, in order).</summary>
    UpdateProfile,

    /// <summary>POST /agreements (server-assigned id) by a party.</summary>
    DraftAgreement,

    /// <summary>POST /exchanges (server-assigned id) by a municipality.</summary>
    PostExchange,

    /// <summary>POST /projects/{id}/events (server-assigned id) by a partner of the cycle's project, hosting it.</summary>
    CreateEvent,
}
