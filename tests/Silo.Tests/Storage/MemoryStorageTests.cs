using Collaboration.Silo.Storage.Memory;

namespace Collaboration.Silo.Tests.Storage;

public sealed class MemoryStorageTests : StorageContractTests
{
    protected override object CreateStorage() => new MemoryStorage();
}
