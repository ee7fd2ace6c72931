using Orleans.Concurrency;

namespace Quorum.Contracts.Live;

/// <summary>
/// Receives changes for browsers on one web node; each web node registers one and renews it before it expires.
/// </summary>
[Alias("Quorum.ILiveObserver")]
public interface ILiveObserver : IGrainObserver
{
    [Alias("Deliver"), OneWay]
    Task Deliver(LiveEvent change);
}

/// <summary>The fan-out point from grains to every web node (key 0).</summary>
[Alias("Quorum.ILiveFeedGrain")]
public interface ILiveFeedGrain : IGrainWithIntegerKey
{
    [Alias("Subscribe")]
    Task Subscribe(ILiveObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(ILiveObserver observer);

    [Alias("Publish"), OneWay]
    Task Publish(LiveEvent change);
}

/// <summary>A change to push to one SignalR group: the client method name and its single argument.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.LiveEvent")]
public sealed record LiveEvent(
    [property: Id(0)] string Group,
    [property: Id(1)] string Method,
    [property: Id(2)] object Payload);

/// <summary>Names of the SignalR groups grains publish to.</summary>
public static class LiveGroups
{
    public static string Panel(Guid panelId) => $"panel:{panelId:N}";

    public static string Facilitators(Guid panelId) => $"panel:{panelId:N}:facilitators";

    public static string Item(Guid itemId) => $"item:{itemId:N}";
}

/// <summary>Client-side method names (what the browser subscribes to).</summary>
public static class LiveMethods
{
    public const string ItemCreated = "itemCreated";
    public const string ItemSummary = "itemSummary";
    public const string FieldChanged = "fieldChanged";
    public const string FieldEdits = "fieldEdits";
    public const string Presence = "presence";
    public const string ThreadChanged = "threadChanged";
    public const string MemberChanged = "memberChanged";

    /// <summary>An item's summary with the open round's ratings: facilitators only, after every rating.</summary>
    public const string ItemReview = "itemReview";
    public const string RoundChanged = "roundChanged";
    public const string ItemsImported = "itemsImported";
    public const string ReviewChanged = "reviewChanged";

    /// <summary>Contributions per group and expert changed (facilitators only, at most every few seconds).</summary>
    public const string VoiceChanged = "voiceChanged";
}
