using Collaboration.Grains.Inbox;

namespace Collaboration.Grains.Attention;

/// <summary>One inbox item to add: for which partner, and what.</summary>
public sealed record InboxDelivery(string Recipient, InboxNotice Notice);
