namespace Collaboration.Silo.Storage.AzureTable;

/// <summary>
/// Keeps byte strings longer than one property allows (64 KiB) in numbered properties <c>Name0..NameN</c> with
/// their total length in <c>NameLength</c>, and estimates an entity's size against the 1 MiB limit.
/// </summary>
internal static class TableBlobs
{
    public const int ChunkSize = 64 * 1024;

    /// <summary>An entity may hold 1 MiB, keys and property names included.</summary>
    public const int MaxEntityBytes = 1024 * 1024;

    public static void Put(TableRow row, string name, ReadOnlySpan<byte> bytes)
    {
        row[name + "Length"] = bytes.Length;
        for (int offset = 0, chunk = 0; offset < bytes.Length; offset += ChunkSize, chunk++)
        {
            row[name + chunk] = bytes.Slice(offset, Math.Min(ChunkSize, bytes.Length - offset)).ToArray();
        }
    }

    public static byte[] Get(TableRow row, string name)
    {
        var length = (int)row.GetInt64(name + "Length");
        var bytes = new byte[length];
        for (int offset = 0, chunk = 0; offset < length; chunk++)
        {
            if (row[name + chunk] is not byte[] part || part.Length == 0 || part.Length > length - offset)
            {
                throw new InvalidDataException($"The stored property {name}{chunk} of {row.PartitionKey}/{row.RowKey} is missing or has the wrong length.");
            }

            part.CopyTo(bytes, offset);
            offset += part.Length;
        }

        return bytes;
    }

    /// <summary>Rows of one partition in groups that one entity group transaction takes: 100 rows, 4 MiB (2 MiB kept).</summary>
    public static IEnumerable<List<TableRow>> Batches(IEnumerable<TableRow> rows)
    {
        var batch = new List<TableRow>();
        long size = 0;
        foreach (var row in rows)
        {
            var rowSize = EstimateSize(row);
            if (batch.Count == 100 || (batch.Count > 0 && size + rowSize > 2 * MaxEntityBytes))
            {
                yield return batch;
                (batch, size) = ([], 0);
            }

            batch.Add(row);
            size += rowSize;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>Refuses a row the service would refuse for its size, naming what it holds.</summary>
    public static void CheckSize(TableRow row, string what)
    {
        var size = EstimateSize(row);
        if (size > MaxEntityBytes)
        {
            throw new ArgumentException(
                $"{what} needs about {size:N0} bytes in one table entity; Azure Table storage keeps at most {MaxEntityBytes:N0} bytes per entity.");
        }
    }

    /// <summary>The size the service counts for an entity (keys and names are UTF-16; each property has 8 bytes of overhead).</summary>
    public static long EstimateSize(TableRow row)
    {
        long size = 4 + ((row.PartitionKey.Length + row.RowKey.Length) * 2L);
        foreach (var (name, value) in row.Properties)
        {
            size += 8 + (name.Length * 2L) + value switch
            {
                byte[] bytes => bytes.Length + 4,
                string text => (text.Length * 2L) + 4,
                long => 8,
                int => 4,
                bool => 1,
                _ => 0,
            };
        }

        return size;
    }
}
