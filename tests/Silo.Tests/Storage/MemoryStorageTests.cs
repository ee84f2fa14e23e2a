using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;
using Collaboration.Grains.Errors;
using Collaboration.Silo.Storage;
using Collaboration.Silo.Storage.Memory;

namespace Collaboration.Silo.Tests.Storage;

public sealed class MemoryStorageTests : StorageContractTests
{
    protected override object CreateStorage() => new MemoryStorage();
}
