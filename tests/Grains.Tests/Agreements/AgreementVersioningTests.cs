using Collaboration.Grains.Access;

namespace Collaboration.Grains.Tests.Agreements;

public sealed class AgreementVersioningTests
{
    [Fact]
    public void EveryChangeAdvancesTheVersionAndStampsItsTime()
    {
        var drafted = Shelter.Draft();
        var at = Shelter.Drafted.AddDays(1);

        var signed = drafted.Sign(Actor.Municipality(Shelter.Kelme), Shelter.SignatureOf(Shelter.Kelme), at).Agreement;

        Assert.Equal(drafted.Version + 1, signed.Version);
        Assert.Equal(at, signed.UpdatedAt);
        Assert.Equal(Shelter.Drafted, signed.CreatedAt);
    }

    [Fact]
    public void ATransitionLeavesTheAgreementItStartedFromUntouched()
    {
        var drafted = Shelter.Draft();

        _ = drafted.Sign(Actor.Municipality(Shelter.Kelme), Shelter.SignatureOf(Shelter.Kelme), Shelter.Drafted);
        _ = drafted.Withdraw(Actor.Municipality(Shelter.Gallese), Shelter.Gallese, Shelter.Drafted);

        Assert.All(drafted.Parties, p => Assert.False(p.HasSigned));
        Assert.Equal(6, drafted.Parties.Count);
        Assert.Equal(1, drafted.Version);
    }
}
