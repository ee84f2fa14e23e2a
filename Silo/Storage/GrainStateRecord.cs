namespace Collaboration.Silo.Storage;

/// <summary>A stored grain state: its serialised bytes (UTF-8 JSON) and the ETag of this version.</summary>
public sealed record GrainStateRecord(byte[] Data, string ETag);
