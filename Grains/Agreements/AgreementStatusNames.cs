namespace Collaboration.Grains.Agreements;

public static class AgreementStatusNames
{
    /// <summary>The status as clients see it (<c>open</c>, <c>inForce</c>, <c>terminated</c>), also in error messages and index terms.</summary>
    public static string ToWire(this AgreementStatus status) => status switch
    {
        AgreementStatus.Open => "open",
        AgreementStatus.InForce => "inForce",
        AgreementStatus.Terminated => "terminated",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown agreement status."),
    };
}
