using Quorum.Contracts.Common;

namespace Quorum.Contracts.Threads;

/// <summary>A discussion thread on an item: comments, replies, and challenges that stay open until resolved.</summary>
[Alias("Quorum.IThreadGrain")]
public interface IThreadGrain : IGrainWithGuidKey
{
    /// <summary>Called once by the item that starts the thread.</summary>
    [Alias("Start")]
    Task<ThreadView> Start(ThreadInit init);

    [Alias("Get")]
    Task<Outcome<ThreadView>> Get(Guid caller);

    /// <summary>Adds a comment; with a parent it is a reply.</summary>
    [Alias("Comment")]
    Task<Outcome<ThreadView>> Comment(Guid caller, Guid? parentId, string text, bool isChallenge);

    /// <summary>Resolves an open challenge with a note; the item's author or a facilitator only.</summary>
    [Alias("Resolve")]
    Task<Outcome<ThreadView>> Resolve(Guid caller, Guid commentId, string note);
}

[GenerateSerializer, Immutable, Alias("Quorum.ThreadInit")]
public sealed record ThreadInit(
    [property: Id(0)] Guid PanelId,
    [property: Id(1)] Guid ItemId,
    [property: Id(2)] Guid ItemAuthorId,
    [property: Id(3)] Guid AuthorId,
    [property: Id(4)] string AuthorName,
    [property: Id(5)] string Text,
    [property: Id(6)] bool IsChallenge,
    [property: Id(7)] DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("Quorum.ThreadView")]
public sealed record ThreadView(
    [property: Id(0)] Guid ThreadId,
    [property: Id(1)] Guid ItemId,
    [property: Id(2)] IReadOnlyList<CommentView> Comments,
    [property: Id(3)] int OpenChallenges);

[GenerateSerializer, Immutable, Alias("Quorum.CommentView")]
public sealed record CommentView(
    [property: Id(0)] Guid CommentId,
    [property: Id(1)] Guid? ParentId,
    [property: Id(2)] Guid AuthorId,
    [property: Id(3)] string AuthorName,
    [property: Id(4)] string Text,
    [property: Id(5)] bool IsChallenge,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] Resolution? Resolution);

[GenerateSerializer, Immutable, Alias("Quorum.Resolution")]
public sealed record Resolution(
    [property: Id(0)] Guid ById,
    [property: Id(1)] string ByName,
    [property: Id(2)] string Note,
    [property: Id(3)] DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("Quorum.ThreadSummary")]
public sealed record ThreadSummary(
    [property: Id(0)] Guid ThreadId,
    [property: Id(1)] string Opening,
    [property: Id(2)] Guid StartedBy,
    [property: Id(3)] string StartedByName,
    [property: Id(4)] int Comments,
    [property: Id(5)] int OpenChallenges,
    [property: Id(6)] DateTimeOffset LastActivity);
