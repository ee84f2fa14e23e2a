using System.Buffers.Text;
using System.Text;
using Collaboration.Grains.Exchanges;
using Collaboration.Grains.Indexing;

namespace Collaboration.Grains.Tests.Exchanges;

public sealed class PageCursorTests
{
    [Theory]
    [InlineData(638_000_000_000_000_000L, "ex-0190f2c6a1b27c3d8e9f0a1b2c3d4e5f")]
    [InlineData(0L, "a")]
    [InlineData(-5L, "ex-1~kelme")]
    [InlineData(long.MaxValue, "doc:with:colons and ė")]
    public void ACursorDecodesToThePositionItWasMadeFrom(long sortKey, string documentId)
    {
        var cursor = PageCursor.Encode(new IndexCursor(sortKey, documentId));

        Assert.True(PageCursor.TryDecode(cursor, out var position));
        Assert.Equal(new IndexCursor(sortKey, documentId), position);
    }

    [Fact]
    public void ACursorIsUrlSafeAndOpaque()
    {
        var cursor = PageCursor.Encode(new IndexCursor(638_000_000_000_000_000L, "ex-0190f2c6a1b27c3d8e9f0a1b2c3d4e5f"));

        Assert.Matches("^[A-Za-z0-9_-]+$", cursor);
        Assert.DoesNotContain("ex-", cursor, StringComparison.Ordinal);
    }

    public static TheoryData<string> Tampered => new()
    {
        "not a cursor",
        "%%%%",
        "AAAA",
        "'; DROP TABLE exchanges; --",
        Base64Url.EncodeToString("2:1:ex-a"u8),
        Base64Url.EncodeToString("1:notanumber:ex-a"u8),
        Base64Url.EncodeToString("1:99999999999999999999999:ex-a"u8),
        Base64Url.EncodeToString("1:5:"u8),
        Base64Url.EncodeToString("1:5"u8),
        Base64Url.EncodeToString("1:5:ex\u0000a"u8),
        Base64Url.EncodeToString([0x31, 0x3a, 0x35, 0x3a, 0xff, 0xfe]),
        new string('A', 2000),
    };

    [Theory]
    [MemberData(nameof(Tampered))]
    public void ATamperedCursorIsRefusedWithoutThrowing(string cursor)
    {
        Assert.False(PageCursor.TryDecode(cursor, out _));
    }

    [Fact]
    public void DecodingNeverThrowsWhateverOneCharacterIsChangedTo()
    {
        var cursor = PageCursor.Encode(new IndexCursor(42, "ex-0190f2c6a1b27c3d8e9f0a1b2c3d4e5f"));
        var builder = new StringBuilder(cursor);
        for (var i = 0; i < cursor.Length; i++)
        {
            builder[i] = cursor[i] == 'A' ? 'B' : 'A';
            var tampered = builder.ToString();
            builder[i] = cursor[i];

            // Whatever the bytes decode to, decoding never throws: a bad cursor is a client error, not a crash.
            var error = Record.Exception(() => PageCursor.TryDecode(tampered, out _));
            Assert.Null(error);
        }
    }
}
