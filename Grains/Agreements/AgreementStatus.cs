namespace Collaboration.Grains.Agreements;

/// <summary>Where a partnership agreement stands. On the wire: <c>open</c>, <c>inForce</c>, <c>terminated</c>.</summary>
[GenerateSerializer, Alias("collaboration.AgreementStatus")]
public enum AgreementStatus
{
    /// <summary>Drafted and awaiting signatures; its text may still be amended.</summary>
    Open,

    /// <summary>Every party signed; the text is fixed. A party acceding later is a party that has not signed yet.</summary>
    InForce,

    /// <summary>Fewer than two parties remained. Final: nothing changes a terminated agreement.</summary>
    Terminated,
}
