using Collaboration.Silo.Storage.Sqlite;

namespace Collaboration.Silo.Tests.Storage;

public sealed class DataFolderLockTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "collaboration-lock-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void AFolderHeldOnceCannotBeHeldAgainUntilItIsReleased()
    {
        using (var held = DataFolderLock.Acquire(_folder))
        {
            var refused = Assert.Throws<DataFolderInUseException>(() => DataFolderLock.Acquire(_folder));
            Assert.Equal(Path.GetFullPath(_folder), refused.Folder);
            Assert.Equal(held.Folder, refused.Folder);
        }

        using var again = DataFolderLock.Acquire(_folder);
        Assert.True(File.Exists(Path.Combine(_folder, DataFolderLock.FileName)));
    }

    [Fact]
    public void AFolderThatDoesNotExistYetIsCreatedAndHeld()
    {
        var nested = Path.Combine(_folder, "not", "yet");

        using var held = DataFolderLock.Acquire(nested);

        Assert.True(Directory.Exists(nested));
        Assert.Throws<DataFolderInUseException>(() => DataFolderLock.Acquire(nested));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; not worth failing a test for.
        }
    }
}
