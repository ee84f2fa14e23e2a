using Collaboration.Silo.Storage.AzureTable;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>The key escaping and the retry policy of the Azure Table provider, without a table service.</summary>
public sealed class AzureTableKeyTests
{
    private static readonly char[] Alphabet = ['a', 'z', 'A', 'Z', '0', '9', '-', '_', '.', '/', '\\', '#', '?', ':', '@', '[', '^', '`', '{', '|', '~', '*', '\0', '\u001F', '\u007F', 'é', '\uD83D', '\uDE00', '\uFFFF', ' '];

    [Fact]
    public void EscapedKeysHoldNoCharacterTheServiceRefusesAndNoSeparator()
    {
        var escaped = TableKeys.Escape(new string(Alphabet));

        Assert.DoesNotContain(escaped, c => c is '/' or '\\' or '#' or '?' or '|' or '*' or '~' || char.IsControl(c) || c > '~');
    }

    [Fact]
    public void SlugsStayReadable()
    {
        Assert.Equal("novo-mesto_2", TableKeys.Escape("novo-mesto_2"));
        Assert.Equal("a.002fb", TableKeys.Escape("a/b"));
    }

    [Fact]
    public void EscapingKeepsOrdinalOrderAndDescendingEscapingReversesIt()
    {
        var random = new Random(20170301);
        var strings = Enumerable.Range(0, 2000)
            .Select(_ => new string(Enumerable.Range(0, random.Next(0, 5)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray()))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var ordinal = strings.Order(StringComparer.Ordinal).ToList();

        Assert.Equal(ordinal, strings.OrderBy(TableKeys.Escape, StringComparer.Ordinal));
        Assert.Equal(Enumerable.Reverse(ordinal), strings.OrderBy(Descending, StringComparer.Ordinal));
    }

    [Fact]
    public void SortKeysKeepTheirOrderInBothDirections()
    {
        long[] keys = [long.MinValue, -1_000_000, -1, 0, 1, 42, long.MaxValue - 1, long.MaxValue];

        Assert.Equal(keys, keys.OrderBy(TableKeys.Ascending, StringComparer.Ordinal));
        Assert.Equal(keys.Reverse(), keys.OrderBy(TableKeys.Descending, StringComparer.Ordinal));
    }

    [Fact]
    public void RetriesAreTheSdksOwnExponentialPolicyBoundedByTheOptions()
    {
        var options = new AzureTableStorageOptions();

        var retry = AzureTablesGateway.ClientOptions(options).Retry;

        Assert.Equal(Azure.Core.RetryMode.Exponential, retry.Mode);
        Assert.Equal(3, retry.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(200), retry.Delay);
        Assert.Equal(TimeSpan.FromSeconds(2), retry.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(10), retry.NetworkTimeout);
    }

    private static string Descending(string value)
    {
        var builder = new System.Text.StringBuilder();
        TableKeys.AppendEscapedDescending(builder, value);
        return builder.ToString();
    }
}
